import type { UserListItemView } from '../contract/org.js';
import type { Role } from '../contract/vocabulary.js';
import { findUnit } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { forgetCachedSessions } from './auth.service.js';
import { hashPassword } from './password.js';
import { sessionsChanged } from './session-events.js';
import { isRole, type Actor } from './roles.js';
import { deleteUserSessions, findUser, findUserByUsername, insertUser, listUsers, updateUserRow } from './user.repository.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  unitId: string;
  roles: string[];
}

/** Creates a staff account. `actor` null means the CLI run by the machine's operator (trusted). */
export async function createUser(deps: Deps, actor: Actor | null, centreId: string, input: NewUserInput) {
  if (actor && (!can(actor, 'user.manage') || actor.centreId !== centreId)) throw forbidden();
  if (!/^[a-zA-Z0-9_.-]{3,40}$/.test(input.username)) throw invalidField('username');
  if (input.password.length < 8) throw invalidField('password', '≥ 8');
  if (input.roles.length === 0 || !input.roles.every(isRole)) throw invalidField('roles');
  const unit = await findUnit(deps.db, centreId, input.unitId);
  if (!unit) throw invalidField('unitId');
  if (await findUserByUsername(deps.db, input.username)) {
    throw domainError('CONFLICT', 'user.usernameTaken', { username: input.username }, { field: 'username' });
  }
  const user = await insertUser(deps.db, {
    centreId,
    unitId: unit.id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
  });
  return { id: user.id, username: user.username, displayName: user.display_name, roles: user.roles, unitId: user.unit_id };
}

export async function listUsersFor(deps: Deps, actor: Actor): Promise<UserListItemView[]> {
  if (!can(actor, 'user.manage')) throw forbidden();
  // Roles are written only through the contract's vocabulary (the create and edit schemas).
  return (await listUsers(deps.db, actor.centreId)).map((u) => ({ ...u, roles: u.roles as Role[] }));
}

export interface UserChange {
  displayName?: string;
  unitId?: string;
  roles?: string[];
  active?: boolean;
}

const presentUser = (u: {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  unit_id: string;
  active: boolean;
}) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  unitId: u.unit_id,
  active: u.active,
});

/**
 * Edits a staff account of the admin's centre: name, unit, roles, active. Deactivating ends all the
 * user's sessions at once (and sign-in refuses them); the account and its history stay. An admin
 * cannot deactivate themself or drop their own admin role, so a centre is never left without one by
 * mistake.
 */
export async function updateUser(deps: Deps, actor: Actor, userId: string, change: UserChange) {
  if (!can(actor, 'user.manage')) throw forbidden();
  const result = await deps.db.transaction().execute(async (tx) => {
    const user = await findUser(tx, actor.centreId, userId);
    if (!user) throw notFound('user');
    const self = user.id === actor.userId;
    const set: Parameters<typeof updateUserRow>[2] = {};
    if (change.displayName !== undefined) {
      const name = change.displayName.trim();
      if (name === '') throw invalidField('displayName');
      set.display_name = name;
    }
    if (change.unitId !== undefined) {
      if (!(await findUnit(tx, actor.centreId, change.unitId))) throw invalidField('unitId');
      set.unit_id = change.unitId;
    }
    if (change.roles !== undefined) {
      if (change.roles.length === 0 || !change.roles.every(isRole)) throw invalidField('roles');
      if (self && !change.roles.includes('admin')) throw invalidField('roles', 'self');
      set.roles = [...new Set(change.roles)];
    }
    if (change.active !== undefined) {
      if (self && !change.active) throw invalidField('active', 'self');
      set.active = change.active;
    }
    const updated = Object.keys(set).length > 0 ? await updateUserRow(tx, user.id, set) : user;
    if (change.active === false) await deleteUserSessions(tx, user.id);
    return presentUser(updated);
  });
  forgetCachedSessions(); // roles, unit and active take effect at once in this process
  sessionsChanged(userId); // open live streams re-check: gone or re-scoped sessions close now
  return result;
}

/** Sets a new password chosen by the admin and ends the user's sessions (they sign in with the new one). */
export async function resetUserPassword(deps: Deps, actor: Actor, userId: string, password: string) {
  if (!can(actor, 'user.manage')) throw forbidden();
  if (password.length < 8) throw invalidField('password', '≥ 8');
  const user = await findUser(deps.db, actor.centreId, userId);
  if (!user) throw notFound('user');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    await updateUserRow(tx, user.id, { password_hash: passwordHash });
    await deleteUserSessions(tx, user.id);
  });
  forgetCachedSessions();
  sessionsChanged(user.id);
  return { ok: true };
}
