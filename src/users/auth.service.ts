import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordExpired } from './password-policy.js';
import { isRole, type Actor, type Role } from './roles.js';
import { sessionsChanged } from './session-events.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { recordSignInFailure, recordSignInSuccess, refuseWhenThrottled, type SignInAttempt } from './login-guard.service.js';
import { openLoginChallenge, secondStepDue } from './login-challenge.service.js';
import {
  deleteSession,
  findSessionUser,
  findUserByUsername,
  insertSessionIfCredentialsHold,
  touchSession,
} from './user.repository.js';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-matches'));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Checks the password and opens a server-side session; only the token's hash is stored. An account
 * with TOTP, or one its centre requires to use TOTP, gets a challenge for the second step instead
 * (`mfa`: 'totp' or 'enrol', ADR 0156). Throttled
 * names and addresses are refused (429) before the password is looked at; failures count towards
 * the throttle and the account's lockout; a locked account is refused whatever the password
 * (ADR 0156). Every outcome is an audit row.
 */
export async function signIn(deps: Deps, username: string, password: string, ip = 'unknown') {
  const attempt: SignInAttempt = { username, ip };
  await refuseWhenThrottled(deps, attempt);
  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await decoy()), password);
  if (!user || !user.active || !ok) {
    await recordSignInFailure(deps, attempt, user, !user ? 'unknown' : !user.active ? 'inactive' : 'password');
    throw domainError('UNAUTHENTICATED', 'error.badCredentials');
  }
  const audit = { userId: user.id, orderId: null, fields: [], at: deps.clock.now(), centreId: user.centre_id, subject: username };
  if (user.locked_at) {
    await logPiiAccess(deps.db, { ...audit, purpose: 'auth.login.locked', detail: { ip } });
    throw domainError('UNAUTHENTICATED', 'error.accountLocked');
  }
  if (passwordExpired(new Date(user.password_changed_at), deps.clock.now(), deps.settings)) {
    await logPiiAccess(deps.db, { ...audit, purpose: 'auth.login.expired', detail: { ip } });
    throw domainError('UNAUTHENTICATED', 'error.passwordExpired', {}, { passwordExpired: true });
  }
  const mfa = await secondStepDue(deps, user);
  if (mfa) {
    const challenge = await openLoginChallenge(deps, user.id, mfa);
    await logPiiAccess(deps.db, { ...audit, purpose: 'auth.login.password', detail: { ip, next: mfa } });
    return { mfa, ...challenge };
  }
  const session = await openSession(deps, user, ip);
  await recordSignInSuccess(deps, attempt, user.id);
  return session;
}

/** signIn for callers with no second step to offer (scripts, tests): an account due one is refused. */
export async function login(deps: Deps, username: string, password: string, ip = 'unknown') {
  const result = await signIn(deps, username, password, ip);
  if ('mfa' in result) throw domainError('UNAUTHENTICATED', 'error.totpRequired');
  return result;
}

/**
 * Opens a server-side session for a user whose credentials (and second factor) were just checked,
 * only if the account is still active with the same password hash; writes the sign-in's audit row.
 */
export async function openSession(
  deps: Deps,
  user: { id: string; username: string; centre_id: string; password_hash: string },
  ip: string,
  detail: Record<string, unknown> = {},
) {
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
  await logPiiAccess(deps.db, {
    userId: user.id,
    orderId: null,
    fields: [],
    purpose: 'auth.login',
    at,
    centreId: user.centre_id,
    subject: user.username,
    detail: { ip, ...detail },
  });
  return { token, expiresAt };
}

export async function logout(deps: Deps, token: string) {
  const userId = await deleteSession(deps.db, hashToken(token));
  forgetCachedSessions();
  // Sign-outs are audited like sign-ins (等保 安全审计); the trigger takes the centre from the user.
  if (userId) await logPiiAccess(deps.db, { userId, orderId: null, fields: [], purpose: 'auth.logout', at: deps.clock.now() });
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
/** A session's last use is written at most this often (one write a minute per busy client, not one per request). */
const IDLE_TOUCH_MS = 60_000;
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
  // The idle timeout besides the absolute one (ADR 0156): a session unused this long ends.
  const lastSeen = new Date(row.last_seen_at ?? row.session_created_at).getTime();
  const idleMs = deps.settings.sessionIdleMinutes * 60_000;
  if (idleMs > 0 && now - lastSeen >= idleMs) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  if (now - lastSeen >= IDLE_TOUCH_MS) await touchSession(deps.db, tokenHash, new Date(now));
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
