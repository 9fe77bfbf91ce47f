import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { forgetCachedSessions } from './auth.service.js';
import { recordSignInFailure, refuseWhenThrottled } from './login-guard.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { sessionsChanged } from './session-events.js';
import { assertPasswordPolicy } from './user.service.js';
import { deleteUserSessions, findUserByUsername, updateUserRow } from './user.repository.js';

/**
 * Self-service password change (ADR 0156): the username and the current password (so an expired
 * password can be changed before signing in), a new one within the policy and not the same. Wrong
 * current passwords count like failed sign-ins; every session of the account ends; audited.
 */
export async function changeOwnPassword(
  deps: Deps,
  input: { username: string; currentPassword: string; newPassword: string; ip: string },
) {
  const attempt = { username: input.username, ip: input.ip };
  await refuseWhenThrottled(deps, attempt);
  const user = await findUserByUsername(deps.db, input.username);
  const ok = user ? await verifyPassword(user.password_hash, input.currentPassword) : false;
  if (!user || !user.active || !ok) {
    await recordSignInFailure(deps, attempt, user, 'password-change');
    throw domainError('UNAUTHENTICATED', 'error.badCredentials');
  }
  if (user.locked_at) throw domainError('UNAUTHENTICATED', 'error.accountLocked');
  assertPasswordPolicy(deps, input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) throw domainError('VALIDATION', 'password.same', {}, { field: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await updateUserRow(tx, user.id, { password_hash: passwordHash, password_changed_at: at });
    await deleteUserSessions(tx, user.id);
    await logPiiAccess(tx, {
      userId: user.id,
      orderId: null,
      fields: [],
      purpose: 'auth.password.changed',
      at,
      centreId: user.centre_id,
      subject: user.username,
      detail: { ip: input.ip },
    });
  });
  forgetCachedSessions();
  sessionsChanged(user.id);
  return { ok: true as const };
}
