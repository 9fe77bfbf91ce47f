import type { Executor } from '../db/database.js';

/** The account with its TOTP state and its centre's rule of who must use TOTP. */
export async function findMfaUser(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('centres', 'centres.id', 'users.centre_id')
    .select([
      'users.id',
      'users.username',
      'users.centre_id',
      'users.roles',
      'users.password_hash',
      'users.totp_secret',
      'users.totp_pending_secret',
      'users.totp_enabled_at',
      'users.totp_last_step',
      'centres.name as centre_name',
      'centres.mfa_required_roles',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** The centre's rule: which roles must use TOTP (null = every role, [] = optional). */
export async function findCentreMfaRoles(db: Executor, centreId: string) {
  const row = await db.selectFrom('centres').select('mfa_required_roles').where('id', '=', centreId).executeTakeFirst();
  return row?.mfa_required_roles ?? null;
}

export async function setCentreMfaRoles(db: Executor, centreId: string, roles: string[] | null) {
  await db.updateTable('centres').set({ mfa_required_roles: roles }).where('id', '=', centreId).execute();
}

export async function setPendingTotpSecret(db: Executor, userId: string, secret: string) {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

/** The pending secret becomes the account's; steps up to `step` count as used. False when nothing was pending. */
export async function confirmTotpSecret(db: Executor, userId: string, at: Date, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      totp_secret: eb.ref('totp_pending_secret'),
      totp_pending_secret: null,
      totp_enabled_at: at,
      totp_last_step: step,
    }))
    .where('id', '=', userId)
    .where('totp_pending_secret', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Uses up a time step (a code is good once): false when this or a later step was used already. */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function clearTotp(db: Executor, userId: string) {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Spends one unused recovery code; false when it is not one of the account's or was used. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertLoginChallenge(
  db: Executor,
  c: { tokenHash: string; userId: string; kind: 'totp' | 'enrol'; at: Date; expiresAt: Date },
) {
  await db
    .insertInto('login_challenges')
    .values({ token_hash: c.tokenHash, user_id: c.userId, kind: c.kind, created_at: c.at, expires_at: c.expiresAt })
    .execute();
}

/** A live challenge, counting this attempt; undefined when unknown, expired or out of attempts. */
export async function takeLoginChallenge(db: Executor, tokenHash: string, now: Date, maxAttempts: number) {
  return db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .returning(['user_id', 'kind', 'attempts'])
    .executeTakeFirst();
}

export async function deleteLoginChallenge(db: Executor, tokenHash: string) {
  await db.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredChallenges(db: Executor, now: Date) {
  await db.deleteFrom('login_challenges').where('expires_at', '<=', now).execute();
}

/** The user's own sign-in history from the audit trail: successes and failures, newest first. */
export async function listSignIns(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('pii_access_log')
    .select(['at', 'purpose', 'detail'])
    .where('user_id', '=', userId)
    .where('purpose', 'in', ['auth.login', 'auth.login.failed', 'auth.login.locked', 'auth.totp.failed'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
