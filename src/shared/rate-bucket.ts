import type { Deps } from './deps.js';
import { domainError } from './errors.js';
import { deleteIdleBuckets, findBucket, takeBucketToken, type BucketRule } from './rate-bucket.repository.js';

/** `perWindow` requests per `windowSeconds`, in a burst or spread out (a token bucket). */
export const bucketRule = (perWindow: number, windowSeconds: number): BucketRule => ({
  capacity: perWindow,
  refillPerSecond: perWindow / windowSeconds,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** Spends one token of the bucket `key` or answers 429 (RATE_LIMITED) with the seconds to wait. */
export async function spendBucketToken(deps: Deps, key: string, rule: BucketRule): Promise<void> {
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
