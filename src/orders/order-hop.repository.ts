import type { Insertable, Updateable } from 'kysely';
import { OPEN_HOP_STATES, type HopState } from '../contract/forwarding.js';
import type { Executor } from '../db/database.js';
import type { OrderHopsTable } from '../db/schema.js';
import { inSubtree } from '../shared/subtree.js';

/** A hop with the names, kinds and paths of its two units (the chain, the checks and the views read these). */
function hopsWithUnits(db: Executor) {
  return db
    .selectFrom('order_hops')
    .innerJoin('units as f', 'f.id', 'order_hops.from_unit_id')
    .innerJoin('units as t', 't.id', 'order_hops.to_unit_id')
    .selectAll('order_hops')
    .select([
      'f.name as from_unit_name',
      'f.path as from_unit_path',
      'f.kind as from_unit_kind',
      't.name as to_unit_name',
      't.path as to_unit_path',
      't.kind as to_unit_kind',
    ]);
}
export type HopRow = Awaited<ReturnType<typeof listHops>>[number];

/** Every hop of an order, top of the chain first (closed ones too: the history of the chain). */
export async function listHops(db: Executor, orderId: string) {
  return hopsWithUnits(db).where('order_hops.order_id', '=', orderId).orderBy('order_hops.seq').execute();
}

/** The open hops of an order: one chain from the lead unit down, top first. */
export async function listOpenHops(db: Executor, orderId: string) {
  return hopsWithUnits(db)
    .where('order_hops.order_id', '=', orderId)
    .where('order_hops.state', 'in', OPEN_HOP_STATES)
    .orderBy('order_hops.depth')
    .execute();
}

export async function insertHop(db: Executor, hop: Insertable<OrderHopsTable>) {
  return db.insertInto('order_hops').values(hop).returningAll().executeTakeFirstOrThrow();
}

/** Moves a hop only from the state the caller saw (no row back: someone moved it first). */
export async function updateHopIfState(db: Executor, id: string, expected: HopState, patch: Updateable<OrderHopsTable>) {
  return db
    .updateTable('order_hops')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', expected)
    .returningAll()
    .executeTakeFirst();
}

/** The forwarding inbox of a unit subtree: open hops addressed to it, and replies it has to accept. */
export async function listInboxHops(db: Executor, centreId: string, unitPath: string, limit: number) {
  const withOrder = hopsWithUnits(db)
    .innerJoin('orders', 'orders.id', 'order_hops.order_id')
    .select(['orders.order_no', 'orders.title', 'orders.state as order_state', 'orders.version as order_version'])
    .where('orders.centre_id', '=', centreId);
  const [incoming, toAccept] = await Promise.all([
    withOrder
      .where('order_hops.state', 'in', OPEN_HOP_STATES)
      .where(inSubtree('t.path', unitPath))
      .orderBy('order_hops.due_at')
      .limit(limit)
      .execute(),
    withOrder
      .where('order_hops.state', '=', 'replied')
      .where(inSubtree('f.path', unitPath))
      .orderBy('order_hops.due_at')
      .limit(limit)
      .execute(),
  ]);
  return { incoming, toAccept };
}

/** The units of a subtree (forwarding targets are chosen among them). */
export async function listUnitsUnder(db: Executor, centreId: string, rootPath: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'path', 'parent_id', 'active'])
    .where('centre_id', '=', centreId)
    .where(inSubtree('path', rootPath))
    .orderBy('code')
    .execute();
}

export async function endForwardAssignment(db: Executor, orderId: string, unitId: string, at: Date) {
  await db
    .updateTable('order_assignments')
    .set({ active: false, ended_at: at })
    .where('order_id', '=', orderId)
    .where('unit_id', '=', unitId)
    .where('role', '=', 'forward')
    .where('active', '=', true)
    .execute();
}
