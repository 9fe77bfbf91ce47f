import { isUnitScoped, type Actor } from './roles.js';

/**
 * What a reader may see: the centre, and for unit roles only their unit's subtree (materialised path
 * prefix). Every capability that reads orders narrows by this one scope.
 */
export interface VisibilityScope {
  readonly centreId: string;
  /** null = the whole centre. */
  readonly unitPath: string | null;
}

export const actorScope = (actor: Actor): VisibilityScope => ({
  centreId: actor.centreId,
  unitPath: isUnitScoped(actor) ? actor.unitPath : null,
});
