import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { isRole, type Actor, type Role } from './roles.js';
import { deleteSession, findSessionUser, findUserByUsername, insertSession } from './user.repository.js';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-matches'));

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a server-side session; only the token's hash is stored. */
export async function login(deps: Deps, username: string, password: string, sessionHours: number) {
  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await decoy()), password);
  if (!user || !user.active || !ok) throw domainError('UNAUTHENTICATED', 'error.badCredentials');
  const token = randomBytes(32).toString('base64url');
  const at = deps.clock.now();
  const expiresAt = new Date(at.getTime() + sessionHours * 3600_000);
  await insertSession(deps.db, { tokenHash: hashToken(token), userId: user.id, at, expiresAt });
  return { token, expiresAt };
}

export async function logout(deps: Deps, token: string) {
  await deleteSession(deps.db, hashToken(token));
}

/** The actor behind a session token, or null when the token is unknown or expired. */
export async function actorFromSession(
  deps: Deps,
  token: string,
): Promise<(Actor & { username: string; unitName: string }) | null> {
  const row = await findSessionUser(deps.db, hashToken(token), deps.clock.now());
  if (!row) return null;
  return {
    kind: 'user',
    userId: row.id,
    centreId: row.centre_id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    roles: row.roles.filter(isRole) as Role[],
    label: row.display_name,
    username: row.username,
    unitName: row.unit_name,
  };
}
