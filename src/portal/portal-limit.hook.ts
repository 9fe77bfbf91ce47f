import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import { DomainError } from '../shared/errors.js';
import type { Deps } from '../shared/deps.js';
import { bucketRule, spendPortalToken, type PortalLimitKind } from './portal-rate-limit.service.js';

/**
 * The portal's per-IP limits as an onRequest hook (ADR 0031): `submit` per hour, `lookup` (look-ups,
 * ratings, photos, nearby appeals) per minute. A refusal carries Retry-After, so browsers and HTTP
 * clients know when to come back.
 */
export function portalLimiter(deps: Deps, config: Config) {
  const rules = {
    submit: bucketRule(config.portalSubmitsPerHour, 3600),
    lookup: bucketRule(config.portalLookupsPerMinute, 60),
  };
  return (kind: PortalLimitKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await spendPortalToken(deps, kind, request.ip, rules[kind]);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      throw error;
    }
  };
}
