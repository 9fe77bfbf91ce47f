import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { deleteIdleBuckets, findBucket, refundBucketToken, takeBucketToken, type BucketRule } from './portal.repository.js';

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
  await spendBucketToken(deps, `${kind}:${clientIp}`, rule);
}

/** Guesses at one order's query code, from any number of addresses: 10 per hour (ADR 0031). */
export const GUESS_RULE = bucketRule(10, 3600);

/**
 * Every look-up of an order number costs a token of that number's bucket before the code is
 * compared, and a right code gives it back. So wrong codes for one number are limited however many
 * addresses they come from, while the citizen with the right code is never counted.
 */
export async function withGuessToken<T>(deps: Deps, bucket: string, attempt: () => Promise<T>): Promise<T> {
  const key = `guess:${bucket}`;
  await spendBucketToken(deps, key, GUESS_RULE);
  const result = await attempt();
  await refundBucketToken(deps.db, key, GUESS_RULE.capacity);
  return result;
}

async function spendBucketToken(deps: Deps, key: string, rule: BucketRule): Promise<void> {
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
