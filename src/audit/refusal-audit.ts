import type { FastifyInstance } from 'fastify';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { Deps } from '../shared/deps.js';

/**
 * 等保 安全审计: every request refused for want of a right (403) is a row of the audit trail — who,
 * which route, from where — written after the answer is sent, through the trail's one writer.
 */
export function auditRefusals(app: FastifyInstance, deps: Deps): void {
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 403 || !request.actor) return;
    try {
      await logPiiAccess(deps.db, {
        userId: request.actor.userId,
        orderId: null,
        centreId: request.actor.centreId,
        fields: [],
        purpose: 'http.forbidden',
        at: deps.clock.now(),
        subject: request.actor.username,
        detail: { method: request.method, route: request.routeOptions.url ?? request.url.split('?')[0], ip: request.ip },
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not audit a refused request');
    }
  });
}
