import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { isRole, type Actor, type Role } from './roles.js';
import { sessionsChanged } from './session-events.js';
import { deleteSession, findSessionUser, findUserByUsername, insertSessionIfCredentialsHold } from './user.repository.js';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-matches'));

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a server-side session; only the token's hash is stored. */
export async function login(deps: Deps, username: string, password: string) {
  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await decoy()), password);
  if (!user || !user.active || !ok) throw domainError('UNAUTHENTICATED', 'error.badCredentials');
  const token = randomBytes(32).toString('base64url');
  const at = deps.clock.now();
  const expiresAt = new Date(at.getTime() + deps.settings.sessionHours * 3600_000);
  const opened = await insertSessionIfCredentialsHold(deps.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    verifiedHash: user.password_hash,
    at,
    expiresAt,
  });
  if (!opened) throw domainError('UNAUTHENTICATED', 'error.badCredentials');
  return { token, expiresAt };
}

export async function logout(deps: Deps, token: string) {
  const userId = await deleteSession(deps.db, hashToken(token));
  forgetCachedSessions();
  // That session's live stream in this process closes now; the user's other sessions stay open.
  if (userId) sessionsChanged(userId);
}

type SessionActor = Actor & { username: string; unitName: string };

/**
 * Sessions resolved within the last SESSION_CACHE_MS (injected clock) are answered from memory: one
 * query less per API request for busy clients. Logout and user or unit changes made in this process
 * forget the cache at once (a lookup that overlapped a change is not kept); a change made through
 * another process takes effect here within SESSION_CACHE_MS (ADR 0013). The session's own expiry is
 * checked on every use.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { actor: SessionActor; expiresAt: number; loadedAt: number }>();
let sessionGeneration = 0;

/** Drops every cached session (after a logout, a user or a unit change, committed). */
export function forgetCachedSessions(): void {
  sessionGeneration += 1;
  sessionCache.clear();
}

/** The actor behind a session token, or null when the token is unknown or expired. */
export async function actorFromSession(deps: Deps, token: string): Promise<SessionActor | null> {
  const tokenHash = hashToken(token);
  const now = deps.clock.now().getTime();
  const hit = sessionCache.get(tokenHash);
  if (hit && now >= hit.loadedAt && now - hit.loadedAt < SESSION_CACHE_MS && now < hit.expiresAt) return hit.actor;
  if (hit) sessionCache.delete(tokenHash);
  const generation = sessionGeneration;
  const row = await findSessionUser(deps.db, tokenHash, new Date(now));
  if (!row) return null;
  const actor: SessionActor = {
    kind: 'user',
    userId: row.id,
    centreId: row.centre_id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    deskUnitId: row.unit_kind === 'sub_centre' ? row.unit_id : null,
    roles: row.roles.filter(isRole) as Role[],
    label: row.display_name,
    username: row.username,
    unitName: row.unit_name,
  };
  if (generation === sessionGeneration) {
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.delete(sessionCache.keys().next().value!);
    sessionCache.set(tokenHash, { actor, expiresAt: new Date(row.expires_at).getTime(), loadedAt: now });
  }
  return actor;
}
