import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import {
  clearThrottleBucket,
  countAccountFailure,
  countThrottleFailure,
  findThrottleBuckets,
  resetAccountFailures,
} from './login-throttle.repository.js';

/**
 * Sign-in throttling and lockout (issue 15, ADR 0156). Failed sign-ins are counted per account name
 * and per client address in a window; a bucket that used up its failures answers 429 with the
 * seconds to wait, before any password is checked. Consecutive failures of an existing account lock
 * it at the configured number, until the security administrator unlocks it. Every failure is an
 * audit row naming the username typed.
 */
const accountKey = (username: string) => `user:${username}`;
const ipKey = (ip: string) => `ip:${ip}`;

export interface SignInAttempt {
  username: string;
  ip: string;
}

/** 429 when the account name or the address has no failures left in its window (and an audit row). */
export async function refuseWhenThrottled(deps: Deps, attempt: SignInAttempt): Promise<void> {
  const s = deps.settings;
  const windowMs = s.loginWindowMinutes * 60_000;
  const now = deps.clock.now();
  const rows = await findThrottleBuckets(deps.db, [accountKey(attempt.username), ipKey(attempt.ip)]);
  let seconds = 0;
  for (const row of rows) {
    const limit = row.bucket_key.startsWith('ip:') ? s.loginIpFailures : s.loginAccountFailures;
    const ends = new Date(row.window_start).getTime() + windowMs;
    if (row.failures >= limit && ends > now.getTime()) seconds = Math.max(seconds, Math.ceil((ends - now.getTime()) / 1000));
  }
  if (seconds === 0) return;
  await logPiiAccess(deps.db, {
    userId: null,
    orderId: null,
    fields: [],
    purpose: 'auth.login.throttled',
    at: now,
    subject: attempt.username,
    detail: { ip: attempt.ip, retryAfterSeconds: seconds },
  });
  // Said in whole minutes (a person reads "请 15 分钟后再试", not "请 895 秒后再试"); Retry-After keeps the seconds.
  const minutes = Math.ceil(seconds / 60);
  throw domainError('RATE_LIMITED', 'error.loginThrottled', { minutes }, { retryAfterSeconds: seconds });
}

/**
 * Counts a failed sign-in in both buckets and, for an existing account, towards its lockout; writes
 * the audit row (and one more when this failure locked the account). One transaction.
 */
export async function recordSignInFailure(
  deps: Deps,
  attempt: SignInAttempt,
  user: { id: string; centre_id: string } | undefined,
  reason: string,
): Promise<void> {
  const s = deps.settings;
  const at = deps.clock.now();
  const windowMs = s.loginWindowMinutes * 60_000;
  await deps.db.transaction().execute(async (tx) => {
    await countThrottleFailure(tx, accountKey(attempt.username), at, windowMs);
    await countThrottleFailure(tx, ipKey(attempt.ip), at, windowMs);
    const counted = user ? await countAccountFailure(tx, user.id, s.loginLockoutFailures, at) : null;
    const row = {
      userId: user?.id ?? null,
      orderId: null,
      fields: [],
      at,
      centreId: user?.centre_id ?? null,
      subject: attempt.username,
    };
    await logPiiAccess(tx, { ...row, purpose: 'auth.login.failed', detail: { ip: attempt.ip, reason } });
    if (counted?.lockedNow) {
      await logPiiAccess(tx, { ...row, purpose: 'auth.account.locked', detail: { ip: attempt.ip, failures: counted.failures } });
    }
  });
}

/** After a successful sign-in: the account's consecutive failures and its name's bucket start again. */
export async function recordSignInSuccess(deps: Deps, attempt: SignInAttempt, userId: string): Promise<void> {
  await resetAccountFailures(deps.db, userId);
  await clearThrottleBucket(deps.db, accountKey(attempt.username));
}
