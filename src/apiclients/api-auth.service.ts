import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { ApiScope } from '../contract/api-clients.js';
import type { Channel } from '../contract/vocabulary.js';
import type { Deps } from '../shared/deps.js';
import { DomainError, domainError } from '../shared/errors.js';
import { bucketRule, spendBucketToken } from '../shared/rate-bucket.js';
import { systemActor, type Actor } from '../users/roles.js';
import { findKeyByPrefix, touchKey } from './api-client.repository.js';
import { apiKeyPrefix, sameKeyHash } from './api-key.js';
import { addressAllowed } from './ip-allow.js';

/** The outside system behind an accepted key. */
export interface ApiCaller {
  readonly clientId: string;
  readonly keyId: string;
  /** The key's public part (`lx_<prefix>`), named in audit rows. */
  readonly keyPrefix: string;
  readonly centreId: string;
  readonly centreCode: string;
  readonly name: string;
  readonly channel: Channel;
  readonly scopes: readonly ApiScope[];
  /** The use the key was accepted for (address, scope, route): a later refusal audits it the same way. */
  readonly use: Omit<KeyUse, 'key'>;
}

/** Why a key's use was refused; the last two come after the key itself was accepted (refuseApiCaller). */
export type KeyRefusal =
  | 'missing'
  | 'malformed'
  | 'unknown_key'
  | 'key_revoked'
  | 'client_revoked'
  | 'address'
  | 'scope'
  | 'rate'
  | 'other_centre'
  | 'not_own_request';

export interface KeyUse {
  readonly key: string | undefined;
  readonly ip: string;
  readonly scope: ApiScope;
  /** What was asked (method and route), for the audit row. */
  readonly route: string;
}

/**
 * Checks a key for one use: well formed, known, its hash, neither it nor its client revoked, the
 * address on the client's allow-list, the scope granted, a token of the client's per-minute bucket
 * (shared by all processes through the database, as the portal's, ADR 0031). Every refusal is a row
 * of the audit trail (purpose `api.key.refused`) before the 403 (429 for the rate) is thrown.
 */
export async function authenticateApiKey(deps: Deps, use: KeyUse): Promise<ApiCaller> {
  const at = deps.clock.now();
  const refuse = (reason: KeyRefusal, who: RefusedWho = {}, error?: DomainError) => auditRefusal(deps, use, reason, who, error);
  if (!use.key) return refuse('missing');
  const prefix = apiKeyPrefix(use.key);
  if (!prefix) return refuse('malformed');
  const row = await findKeyByPrefix(deps.db, prefix);
  if (!row || !sameKeyHash(use.key, row.key_hash)) return refuse('unknown_key', { subject: `lx_${prefix}` });
  const who = { centreId: row.centre_id, subject: `${row.name} (lx_${prefix})`, clientId: row.client_id };
  if (row.client_revoked_at) return refuse('client_revoked', who);
  if (row.key_revoked_at) return refuse('key_revoked', who);
  if (!addressAllowed(row.ip_allow, use.ip)) return refuse('address', who);
  if (!row.scopes.includes(use.scope)) return refuse('scope', who);
  try {
    await spendBucketToken(deps, `api:${row.client_id}`, bucketRule(row.rate_per_minute, 60));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RATE_LIMITED') return refuse('rate', who, error);
    throw error;
  }
  await touchKey(deps.db, row.key_id, at);
  return {
    clientId: row.client_id,
    keyId: row.key_id,
    keyPrefix: `lx_${prefix}`,
    centreId: row.centre_id,
    centreCode: row.centre_code,
    name: row.name,
    channel: row.channel as Channel,
    scopes: row.scopes as ApiScope[],
    use: { ip: use.ip, scope: use.scope, route: use.route },
  };
}

type RefusedWho = { centreId?: string | null; subject?: string | null; clientId?: string; more?: Record<string, string> };

/** THE refusal path: a row of the audit trail (purpose `api.key.refused`), then the 403 (or the given error). */
async function auditRefusal(
  deps: Deps,
  use: Omit<KeyUse, 'key'>,
  reason: KeyRefusal,
  who: RefusedWho,
  error: DomainError = domainError('FORBIDDEN', 'apiClient.keyRefused'),
): Promise<never> {
  await logPiiAccess(deps.db, {
    userId: null,
    orderId: null,
    fields: [],
    purpose: 'api.key.refused',
    at: deps.clock.now(),
    centreId: who.centreId ?? null,
    subject: who.subject ?? null,
    detail: {
      reason,
      route: use.route,
      ip: use.ip,
      scope: use.scope,
      ...(who.clientId && { clientId: who.clientId }),
      ...who.more,
    },
  });
  throw error;
}

/**
 * A key that was accepted but may not do this (another centre's jurisdiction, another client's
 * request): refused and audited exactly as a refused key is, so every refusal of an outside system is
 * one kind of row in the trail.
 */
export function refuseApiCaller(
  deps: Deps,
  caller: ApiCaller,
  reason: 'other_centre' | 'not_own_request',
  more: Record<string, string>,
  error?: DomainError,
): Promise<never> {
  const who = { centreId: caller.centreId, subject: `${caller.name} (${caller.keyPrefix})`, clientId: caller.clientId, more };
  return auditRefusal(deps, caller.use, reason, who, error);
}

/** The system actor of an outside system: what it submits records the client (orders.api_client_id). */
export const apiClientActor = (caller: ApiCaller): Actor => ({
  ...systemActor(caller.centreId, caller.name),
  apiClientId: caller.clientId,
});
