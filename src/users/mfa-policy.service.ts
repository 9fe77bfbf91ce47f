import type { MfaPolicyView } from '../contract/auth.js';
import { ROLES, type Role } from '../contract/vocabulary.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { can } from './permissions.js';
import { isRole, type Actor } from './roles.js';
import { findCentreMfaRoles, setCentreMfaRoles } from './totp.repository.js';

/**
 * Who must sign in with TOTP in the actor's centre (ADR 0156 amendment "who must use it"). Stored as `centres.mfa_required_roles`:
 * null = never decided, every role must (a new or upgraded centre); a list = those roles ([] = optional).
 */
export async function readMfaPolicy(deps: Deps, actor: Actor): Promise<MfaPolicyView> {
  if (!can(actor, 'user.manage')) throw forbidden();
  const stored = await findCentreMfaRoles(deps.db, actor.centreId);
  return { roles: stored === null ? [...ROLES] : ROLES.filter((r) => stored.includes(r)), undecided: stored === null };
}

/**
 * The security administrator sets the roles that must use TOTP (a decision, stored as the list even
 * when it names every role). Audited in the same transaction (`admin.centre.mfa`, before and after).
 */
export async function setMfaPolicy(deps: Deps, actor: Actor, roles: string[]): Promise<MfaPolicyView> {
  if (!can(actor, 'user.manage')) throw forbidden();
  if (!roles.every(isRole)) throw invalidField('roles');
  const chosen = ROLES.filter((r: Role) => roles.includes(r));
  await deps.db.transaction().execute(async (tx) => {
    const before = await findCentreMfaRoles(tx, actor.centreId);
    await setCentreMfaRoles(tx, actor.centreId, chosen);
    await logPiiAccess(tx, {
      userId: actor.userId,
      orderId: null,
      fields: [],
      purpose: 'admin.centre.mfa',
      at: deps.clock.now(),
      centreId: actor.centreId,
      subject: null,
      detail: { before: before ?? [...ROLES], after: chosen, ...(before === null ? { via: 'undecided' } : {}) },
    });
  });
  return { roles: chosen, undecided: false };
}
