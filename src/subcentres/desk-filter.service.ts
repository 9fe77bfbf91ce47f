import type { Executor } from '../db/database.js';
import { findUnit } from '../org/unit.repository.js';
import { notFound } from '../shared/errors.js';
import { actorDesk } from '../users/actor-scope.js';
import type { Actor } from '../users/roles.js';

/**
 * Whose figures or queue a reader gets (ADR 0153): a sub-centre's staff always their own desk's — asking
 * for another desk is 404, like another desk's order; the league's staff every desk (undefined), or one
 * sub-centre's when they ask for it (an unknown desk is 404).
 */
export async function resolveDeskFilter(db: Executor, actor: Actor, requested: string | undefined): Promise<string | undefined> {
  const own = actorDesk(actor);
  if (own) {
    if (requested !== undefined && requested !== own) throw notFound('desk');
    return own;
  }
  if (requested === undefined) return undefined;
  const desk = await findUnit(db, actor.centreId, requested);
  if (!desk || desk.kind !== 'sub_centre') throw notFound('desk');
  return desk.id;
}
