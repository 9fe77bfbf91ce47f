import { isUnitScoped, type Actor } from './roles.js';

/**
 * What a reader may see: the centre, for unit roles only their unit's subtree (materialised path
 * prefix), and for a sub-centre's staff only the orders their desk holds (ADR 0110). Every capability
 * that reads orders narrows by this one scope.
 */
export interface VisibilityScope {
  readonly centreId: string;
  /** null = the whole centre. */
  readonly unitPath: string | null;
  /** A sub-centre desk: only the orders it holds. Absent or null = every desk. */
  readonly deskUnitId?: string | null;
}

/** The desk whose orders a centre-role user of a sub-centre sees; null for the league's staff and unit users. */
export const actorDesk = (actor: Actor): string | null => (isUnitScoped(actor) ? null : (actor.deskUnitId ?? null));

export const actorScope = (actor: Actor): VisibilityScope => ({
  centreId: actor.centreId,
  unitPath: isUnitScoped(actor) ? actor.unitPath : null,
  deskUnitId: actorDesk(actor),
});
