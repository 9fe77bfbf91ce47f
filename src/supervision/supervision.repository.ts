import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SupervisionOrdersTable } from './supervision.table.js';
import { inSubtree } from '../shared/subtree.js';

/** Inserts a 督办单; an automatic one exists at most once per deadline (returns undefined then). */
export async function insertSupervision(db: Executor, row: Insertable<SupervisionOrdersTable>) {
  return db
    .insertInto('supervision_orders')
    .values(row)
    .onConflict((oc) => oc.column('deadline_id').where('origin', '=', 'auto').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findSupervision(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('id', '=', id)
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
}

export async function findAutoSupervisionOfDeadline(db: Executor, deadlineId: string) {
  return db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('deadline_id', '=', deadlineId)
    .where('origin', '=', 'auto')
    .executeTakeFirst();
}

/** The order's automatic 督办单 still waiting for the unit's answer, if any. */
/** The order's open automatic 督办单 addressed to `unitId` (one lateness of one unit, ADRs 0095, 0152). */
export async function findOpenAutoSupervisionOfOrder(db: Executor, orderId: string, unitId: string | null) {
  return db
    .selectFrom('supervision_orders')
    .select('id')
    .where('order_id', '=', orderId)
    .where('origin', '=', 'auto')
    .where('status', '=', 'open')
    .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
    .executeTakeFirst();
}

/** Moves a 督办单 on only from the expected status (two clicks cannot both succeed). */
export async function updateSupervisionIfStatus(
  db: Executor,
  id: string,
  expected: 'open' | 'responded',
  patch: Partial<Insertable<SupervisionOrdersTable>>,
) {
  return db
    .updateTable('supervision_orders')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .returningAll()
    .executeTakeFirst();
}

export async function listSupervisions(
  db: Executor,
  f: { centreId: string; unitPath: string | null; deskUnitId?: string | null; status?: string; orderId?: string; limit: number },
) {
  let q = db
    .selectFrom('supervision_orders as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.order_id',
      'o.order_no',
      'o.title',
      'o.state as order_state',
      's.unit_id',
      'u.name as unit_name',
      's.origin',
      's.reason',
      's.issued_at',
      's.due_at',
      's.status',
      's.response',
      's.responded_at',
      's.closed_at',
      's.closing_note',
    ])
    .where('s.centre_id', '=', f.centreId)
    .orderBy('s.issued_at', 'desc')
    .limit(f.limit);
  if (f.unitPath !== null) q = q.where(inSubtree('u.path', f.unitPath));
  if (f.deskUnitId) q = q.where('o.desk_unit_id', '=', f.deskUnitId);
  if (f.status) q = q.where('s.status', '=', f.status as 'open');
  if (f.orderId) q = q.where('s.order_id', '=', f.orderId);
  return q.execute();
}

export async function insertLeaderFollowup(
  db: Executor,
  row: { orderId: string; centreId: string; reason: string; origin: 'auto' | 'manual'; by: string | null; at: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('leader_followups')
    .values({
      order_id: row.orderId,
      centre_id: row.centreId,
      reason: row.reason,
      origin: row.origin,
      added_by: row.by,
      added_at: row.at,
    })
    .onConflict((oc) => oc.column('order_id').where('closed_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function closeLeaderFollowup(db: Executor, centreId: string, orderId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('leader_followups')
    .set({ closed_at: at })
    .where('centre_id', '=', centreId)
    .where('order_id', '=', orderId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listLeaderFollowups(
  db: Executor,
  centreId: string,
  open: boolean,
  limit: number,
  /** A sub-centre's staff: its desk's orders only (ADR 0110). */
  deskUnitId: string | null = null,
) {
  let q = db
    .selectFrom('leader_followups as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
    .select([
      'f.id',
      'f.order_id',
      'o.order_no',
      'o.title',
      'o.state as order_state',
      'o.priority',
      'o.deadline_due_at',
      'u.name as lead_unit_name',
      'f.reason',
      'f.origin',
      'f.added_at',
      'f.closed_at',
    ])
    .where('f.centre_id', '=', centreId)
    .orderBy('f.added_at', 'desc')
    .limit(limit);
  q = open ? q.where('f.closed_at', 'is', null) : q.where('f.closed_at', 'is not', null);
  if (deskUnitId) q = q.where('o.desk_unit_id', '=', deskUnitId);
  return q.execute();
}
