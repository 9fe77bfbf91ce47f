import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { deleteIdleBuckets, findBucket, takeBucketToken, type BucketRule } from './portal.repository.js';

export type PortalLimitKind = 'submit' | 'lookup';

/** `perWindow` requests per `windowSeconds`, in a burst or spread out (a token bucket). */
export const bucketRule = (perWindow: number, windowSeconds: number): BucketRule => ({
  capacity: perWindow,
  refillPerSecond: perWindow / windowSeconds,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Spends one token of the client's bucket or answers 429 with the seconds to wait. The bucket lives
 * in the database (ADR 0031) so several stateless app processes share one limit per client.
 */
export async function spendPortalToken(deps: Deps, kind: PortalLimitKind, clientIp: string, rule: BucketRule): Promise<void> {
  const key = `${kind}:${clientIp}`;
  const at = deps.clock.now();
  const left = await takeBucketToken(deps.db, key, rule, at);
  if (left !== undefined) {
    // A fresh bucket is a new client: a cheap moment to drop buckets idle for a day (full again anyway).
    if (left === rule.capacity - 1) await deleteIdleBuckets(deps.db, new Date(at.getTime() - DAY_MS));
    return;
  }
  const bucket = await findBucket(deps.db, key);
  const elapsed = bucket ? Math.max(0, (at.getTime() - new Date(bucket.updated_at).getTime()) / 1000) : 0;
  const missing = bucket ? Math.max(0, 1 - (bucket.tokens + elapsed * rule.refillPerSecond)) : 1;
  const seconds = Math.max(1, Math.ceil(missing / rule.refillPerSecond));
  throw domainError('RATE_LIMITED', 'error.rateLimited', { seconds }, { retryAfterSeconds: seconds });
}
