import type { Executor } from '../db/database.js';

/** Open orders being worked by a unit, the given unit's first (newest first within each). */
export async function openOrdersPreferringUnit(db: Executor, centreId: string, unitId: string, limit: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'lead_unit_id'])
    .where('centre_id', '=', centreId)
    .where('state', 'in', ['dispatched', 'handling'])
    .where('lead_unit_id', 'is not', null)
    .orderBy((eb) => eb.case().when('lead_unit_id', '=', unitId).then(0).else(1).end())
    .orderBy('accepted_at', 'desc')
    .limit(limit)
    .execute();
}
