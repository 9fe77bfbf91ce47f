import { SEPARATED_ADMIN_ROLES, type Role } from '../contract/vocabulary.js';
import { domainError } from '../shared/errors.js';

/** The three separated administrators (三员, ADR 0157). */
export const isSeparatedAdminRole = (role: string) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);

/**
 * Refuses a set of roles that combines one of the three administrators with any other role (another
 * administrator or a business role): 400 naming `roles`, in words that say why. Pure.
 */
export function assertSeparatedRoles(roles: readonly Role[]): void {
  const admins = roles.filter(isSeparatedAdminRole);
  if (admins.length === 0 || roles.length === 1) return;
  throw domainError('VALIDATION', 'user.rolesSeparated', { roles: roles.join(', ') }, { field: 'roles' });
}

/** Nobody changes their own roles (a self-grant): 403 in words. */
export function assertNotSelfGrant(
  actorUserId: string | null,
  userId: string,
  before: readonly string[],
  after: readonly string[],
) {
  if (actorUserId !== userId) return;
  const same = before.length === after.length && before.every((r) => after.includes(r));
  if (!same) throw domainError('FORBIDDEN', 'user.selfGrant');
}
