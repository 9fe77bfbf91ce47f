/** Staff roles. Centre roles act on the whole centre; unit roles only inside their own unit subtree. */
import { ROLES, type Role } from '../contract/vocabulary.js';
export { ROLES, type Role };

export const UNIT_ROLES: readonly Role[] = ['unit_handler', 'unit_admin'];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Roles a system actor may carry for one channel; never assignable to a user (see ADR 0030). The
 * citizen portal's actor is `citizen`, which the transition table allows for the web return visit only;
 * `catalogue` is the dispatch catalogue's automatic dispatch of an exact hit (issue 14, ADR 0126).
 */
export type SystemRole = 'citizen' | 'catalogue';

/** The signed-in person (or a system channel) on whose behalf a domain function runs. */
export interface Actor {
  readonly kind: 'user' | 'system';
  readonly userId: string | null;
  readonly centreId: string;
  readonly unitId: string | null;
  /** Materialised path of the actor's unit ("/root/…/unit/"), for subtree checks. */
  readonly unitPath: string | null;
  readonly roles: readonly Role[];
  /** Only on system actors: the channel's narrow role in the transition table (ADR 0030). */
  readonly systemRole?: SystemRole;
  readonly label: string;
  /**
   * The sub-centre desk (分中心) the user works at: their unit, when it is a sub_centre unit. Its staff
   * see and act on the orders that desk holds (ADR 0110). Absent or null: the league centre's desk.
   */
  readonly deskUnitId?: string | null;
  /** Only on the system actor of an outside system: its API client, recorded on the orders it submits (ADR 0180). */
  readonly apiClientId?: string;
}

export const hasAnyRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** Users whose every role is a unit role see only orders sent to their unit or its sub-units. */
export const isUnitScoped = (actor: Actor) => actor.kind === 'user' && actor.roles.every((r) => UNIT_ROLES.includes(r));

/** A system actor for channels without a signed-in user (citizen portal, open API, import). */
export const systemActor = (centreId: string, label: string): Actor => ({
  kind: 'system',
  userId: null,
  centreId,
  unitId: null,
  unitPath: null,
  roles: [],
  label,
});
