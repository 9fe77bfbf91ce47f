import type { UserListItemView, UserView } from '../contract/org.js';
import type { Role } from '../contract/vocabulary.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { forgetCachedSessions } from './auth.service.js';
import { hashPassword } from './password.js';
import { passwordProblem } from './password-policy.js';
import { unlockAccount } from './login-throttle.repository.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { sessionsChanged } from './session-events.js';
import { isRole, type Actor } from './roles.js';
import { assertNotSelfGrant, assertSeparatedRoles } from './separation-of-duties.js';
import type { Executor } from '../db/database.js';
import {
  deleteUserSessions,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  unitIsInCentre,
  updateUserRow,
} from './user.repository.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  unitId: string;
  roles: string[];
}

/**
 * One audit row of an administrative act on an account (ADR 0157), written in the act's transaction
 * through the audit trail's one writer. `actor` null: the CLI run by the machine's operator.
 */
async function auditAccountAct(
  db: Executor,
  deps: Deps,
  actor: Actor | null,
  centreId: string,
  purpose: string,
  user: { id: string; username: string },
  detail: Record<string, unknown> = {},
) {
  await logPiiAccess(db, {
    userId: actor?.userId ?? null,
    orderId: null,
    fields: [],
    purpose,
    at: deps.clock.now(),
    centreId,
    subject: user.username,
    detail: { userId: user.id, ...(actor ? {} : { via: 'cli' }), ...detail },
  });
}

/** Creates a staff account. `actor` null means the CLI run by the machine's operator (trusted). */
export async function createUser(deps: Deps, actor: Actor | null, centreId: string, input: NewUserInput) {
  if (actor && (!can(actor, 'user.manage') || actor.centreId !== centreId)) throw forbidden();
  if (!/^[a-zA-Z0-9_.-]{3,40}$/.test(input.username)) throw invalidField('username');
  assertPasswordPolicy(deps, input.password, input.username);
  if (input.roles.length === 0 || !input.roles.every(isRole)) throw invalidField('roles');
  const roles = [...new Set(input.roles)] as Role[];
  assertSeparatedRoles(roles);
  if (!(await unitIsInCentre(deps.db, centreId, input.unitId))) throw invalidField('unitId');
  if (await findUserByUsername(deps.db, input.username)) {
    throw domainError('CONFLICT', 'user.usernameTaken', { username: input.username }, { field: 'username' });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction().execute(async (tx) => {
    const row = await insertUser(tx, {
      centreId,
      unitId: input.unitId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles,
      passwordChangedAt: deps.clock.now(),
    });
    await auditAccountAct(tx, deps, actor, centreId, 'admin.user.create', row, { roles, unitId: input.unitId });
    return row;
  });
  return presentUser(user);
}

export async function listUsersFor(deps: Deps, actor: Actor): Promise<UserListItemView[]> {
  if (!can(actor, 'user.manage')) throw forbidden();
  // Roles are written only through the contract's vocabulary (the create and edit schemas).
  return (await listUsers(deps.db, actor.centreId)).map(({ locked_at, ...u }) => ({
    ...u,
    roles: u.roles as Role[],
    locked: locked_at !== null,
  }));
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
}): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles as Role[],
  unitId: u.unit_id,
  active: u.active,
});

/**
 * Edits a staff account of the security administrator's centre: name, unit, roles, active.
 * Deactivating ends all the user's sessions at once (and sign-in refuses them); the account and its
 * history stay. Nobody deactivates themself or changes their own roles (no self-grant), and the three
 * administrators are never combined on one account (ADR 0157). Audited with the values before and after.
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
      if (!(await unitIsInCentre(tx, actor.centreId, change.unitId))) throw invalidField('unitId');
      set.unit_id = change.unitId;
    }
    if (change.roles !== undefined) {
      if (change.roles.length === 0 || !change.roles.every(isRole)) throw invalidField('roles');
      const roles = [...new Set(change.roles)] as Role[];
      assertNotSelfGrant(actor.userId, user.id, user.roles, roles);
      assertSeparatedRoles(roles);
      set.roles = roles;
    }
    if (change.active !== undefined) {
      if (self && !change.active) throw invalidField('active', 'self');
      set.active = change.active;
    }
    const updated = Object.keys(set).length > 0 ? await updateUserRow(tx, user.id, set) : user;
    if (change.active === false) await deleteUserSessions(tx, user.id);
    const before = { displayName: user.display_name, unitId: user.unit_id, roles: user.roles, active: user.active };
    const after = { displayName: updated.display_name, unitId: updated.unit_id, roles: updated.roles, active: updated.active };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    const purpose = changed.includes('roles') ? 'admin.user.roles' : 'admin.user.update';
    await auditAccountAct(tx, deps, actor, actor.centreId, purpose, user, {
      changed,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return presentUser(updated);
  });
  forgetCachedSessions(); // roles, unit and active take effect at once in this process
  sessionsChanged(userId); // open live streams re-check: gone or re-scoped sessions close now
  return result;
}

/**
 * Sets a new password chosen by the security administrator and ends the user's sessions (they sign in
 * with the new one). Not one's own (that is the self-service change). Audited, without the password.
 */
export async function resetUserPassword(deps: Deps, actor: Actor, userId: string, password: string) {
  if (!can(actor, 'user.manage')) throw forbidden();
  if (userId === actor.userId) throw forbidden('user.selfReset');
  const user = await findUser(deps.db, actor.centreId, userId);
  if (!user) throw notFound('user');
  assertPasswordPolicy(deps, password, user.username);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    await updateUserRow(tx, user.id, { password_hash: passwordHash, password_changed_at: deps.clock.now() });
    await deleteUserSessions(tx, user.id);
    await auditAccountAct(tx, deps, actor, actor.centreId, 'admin.user.password', user);
  });
  forgetCachedSessions();
  sessionsChanged(user.id);
  return { ok: true };
}

/** Unlocks an account locked after failed sign-ins (the security administrator; audited). */
export async function unlockUser(deps: Deps, actor: Actor, userId: string) {
  if (!can(actor, 'user.manage')) throw forbidden();
  const user = await findUser(deps.db, actor.centreId, userId);
  if (!user) throw notFound('user');
  await deps.db.transaction().execute(async (tx) => {
    const unlocked = await unlockAccount(tx, user.id);
    if (!unlocked) throw domainError('CONFLICT', 'user.notLocked', { username: user.username });
    await auditAccountAct(tx, deps, actor, actor.centreId, 'admin.user.unlock', user);
  });
  return { ok: true as const };
}

/** The password policy (ADR 0156) as a 400 naming `password`, in words. */
export function assertPasswordPolicy(deps: Deps, password: string, username: string): void {
  const problem = passwordProblem(password, username, deps.settings);
  if (problem) throw domainError('VALIDATION', problem, { min: deps.settings.passwordMinLength }, { field: 'password' });
}
