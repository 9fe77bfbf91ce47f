import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { clearWrongCodes, countWrongCode, deleteStaleCodeCounts, findCodeLock } from './portal-lockout.repository.js';
import { refundBucketToken, type BucketRule } from '../shared/rate-bucket.repository.js';
import { bucketRule, spendBucketToken } from '../shared/rate-bucket.js';

export type PortalLimitKind = 'submit' | 'lookup';

export { bucketRule };

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
  await refuseLockedCode(deps, bucket);
  await spendBucketToken(deps, key, GUESS_RULE);
  const result = await attempt();
  await refundBucketToken(deps.db, key, GUESS_RULE.capacity);
  return result;
}

const HOUR_MS = 3_600_000;
const MONTH_MS = 30 * 24 * HOUR_MS;

/**
 * While an order number is locked (too many consecutive wrong codes, ADR 0173) every look-up of it —
 * the right code too, or a lucky guess would get through — answers 429 with the time left in hours.
 */
async function refuseLockedCode(deps: Deps, bucket: string): Promise<void> {
  const at = deps.clock.now();
  const until = await findCodeLock(deps.db, `code:${bucket}`, at);
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  const hours = Math.max(1, Math.ceil(seconds / 3600));
  throw domainError('RATE_LIMITED', 'error.portalCodeLocked', { hours }, { retryAfterSeconds: seconds });
}

/**
 * A wrong code for an order number (known or not: the count is by the number as typed). The
 * `portalCodeLockoutFailures`-th in a row locks the number for `portalCodeLockoutHours`, and the lock
 * is a row of the audit trail (`portal.code.locked`).
 */
export async function countWrongQueryCode(
  deps: Deps,
  at: { bucket: string; centreId: string; orderNo: string; orderId: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const { portalCodeLockoutFailures: failures, portalCodeLockoutHours: hours } = deps.settings;
  const until = new Date(now.getTime() + hours * HOUR_MS);
  const locked = await countWrongCode(deps.db, `code:${at.bucket}`, { failures, until }, now);
  if (!locked) return;
  await logPiiAccess(deps.db, {
    userId: null,
    orderId: at.orderId,
    fields: [],
    purpose: 'portal.code.locked',
    at: now,
    centreId: at.centreId,
    subject: at.orderNo,
    detail: { failures, lockedUntil: until.toISOString() },
  });
  await deleteStaleCodeCounts(deps.db, new Date(now.getTime() - MONTH_MS), now);
}

/** The right code: the count of wrong ones for this number starts again. */
export async function clearWrongQueryCodes(deps: Deps, bucket: string): Promise<void> {
  await clearWrongCodes(deps.db, `code:${bucket}`);
}
