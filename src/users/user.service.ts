import { findUnit } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { hashPassword } from './password.js';
import { isRole, type Actor } from './roles.js';
import { findUserByUsername, insertUser, listUsers } from './user.repository.js';

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
    throw domainError('CONFLICT', 'error.validation', { field: 'username' }, { field: 'username' });
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

export async function listUsersFor(deps: Deps, actor: Actor) {
  if (!can(actor, 'user.manage')) throw forbidden();
  return listUsers(deps.db, actor.centreId);
}
