import type { Executor } from '../db/database.js';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  u: {
    centreId: string;
    unitId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: string[];
    /** The injected clock's now (the password's age); the database's when absent. */
    passwordChangedAt?: Date;
  },
) {
  return db
    .insertInto('users')
    .values({
      centre_id: u.centreId,
      unit_id: u.unitId,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      roles: u.roles,
      ...(u.passwordChangedAt ? { password_changed_at: u.passwordChangedAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** True when unit `unitId` belongs to the centre: a user's unit is checked here, so users/ reads no org/ repository. */
export async function unitIsInCentre(db: Executor, centreId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findUser(db: Executor, centreId: string, id: string) {
  return db.selectFrom('users').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function updateUserRow(
  db: Executor,
  id: string,
  set: {
    display_name?: string;
    unit_id?: string;
    roles?: string[];
    active?: boolean;
    password_hash?: string;
    password_changed_at?: Date;
  },
) {
  return db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Ends every session of a user (deactivation, password reset). */
export async function deleteUserSessions(db: Executor, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function listUsers(db: Executor, centreId: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.active',
      'users.locked_at',
      'users.unit_id',
      'units.name as unit_name',
    ])
    .where('users.centre_id', '=', centreId)
    .orderBy('users.username')
    .execute();
}

/**
 * Opens a session only if the user is still active with the password hash that was just verified:
 * a password reset or deactivation committed while the password was being checked wins. FOR SHARE
 * waits for such a change in flight (it updates the user row before deleting the sessions).
 */
export async function insertSessionIfCredentialsHold(
  db: Executor,
  s: { tokenHash: string; userId: string; verifiedHash: string; at: Date; expiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('sessions')
    .columns(['token_hash', 'user_id', 'created_at', 'expires_at'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select([
          eb.val(s.tokenHash).as('token_hash'),
          'users.id',
          eb.val(s.at).as('created_at'),
          eb.val(s.expiresAt).as('expires_at'),
        ])
        .where('users.id', '=', s.userId)
        .where('users.active', '=', true)
        .where('users.password_hash', '=', s.verifiedHash)
        .forShare(),
    )
    .returning('token_hash')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The session's user with the path of their unit, if the session is still valid. */
export async function findSessionUser(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.centre_id',
      'users.unit_id',
      'users.username',
      'users.display_name',
      'users.roles',
      'units.path as unit_path',
      'units.name as unit_name',
      'units.kind as unit_kind',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

/** Ends one session; answers whose it was (null when it did not exist). */
export async function deleteSession(db: Executor, tokenHash: string): Promise<string | null> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return row?.user_id ?? null;
}

export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** Marks a session used now (the idle timeout reads it). */
export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}
