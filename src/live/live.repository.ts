import type { Executor } from '../db/database.js';

/** One row of `order_events` as the live stream needs it: what changed, where it is visible. */
export interface OrderChangeRow {
  id: number;
  orderId: string;
  centreId: string;
  action: string;
  toState: string | null;
  /** The desk holding the order now (ADR 0110); null = the league centre's. */
  deskUnitId: string | null;
}

export async function latestOrderEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('order_events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Events with id above `afterId`, oldest first, at most `limit`. */
export async function listOrderEventsAfter(db: Executor, afterId: number, limit: number): Promise<OrderChangeRow[]> {
  const rows = await db
    .selectFrom('order_events')
    .leftJoin('orders', 'orders.id', 'order_events.order_id')
    .select([
      'order_events.id',
      'order_events.order_id',
      'order_events.centre_id',
      'order_events.action',
      'order_events.to_state',
      'orders.desk_unit_id',
    ])
    .where('order_events.id', '>', afterId)
    .orderBy('order_events.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    orderId: r.order_id,
    centreId: r.centre_id,
    action: r.action,
    toState: r.to_state,
    deskUnitId: r.desk_unit_id,
  }));
}

/** Paths of every unit an order was ever sent to (the same rule as order visibility for unit users). */
export async function listAssignedUnitPaths(db: Executor, orderIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (orderIds.length === 0) return result;
  const rows = await db
    .selectFrom('order_assignments')
    .innerJoin('units', 'units.id', 'order_assignments.unit_id')
    .select(['order_assignments.order_id', 'units.path'])
    .where('order_assignments.order_id', 'in', orderIds)
    .execute();
  for (const r of rows) {
    const list = result.get(r.order_id) ?? [];
    list.push(r.path);
    result.set(r.order_id, list);
  }
  return result;
}

/** A call's change as the screen-pop needs it: whose call, in which state (ADR 0140). */
export interface CallChangeRow {
  revision: number;
  callId: number;
  centreId: string;
  /** Null for a call no operator took yet (never sent to anyone, but it moves the reading position). */
  operatorUserId: string | null;
  status: string;
  callerNumber: string | null;
}

export async function latestCallRevision(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.max('revision').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Calls written with a revision above `afterRevision` (calls_revision_idx), oldest first. */
export async function listCallChangesAfter(db: Executor, afterRevision: number, limit: number): Promise<CallChangeRow[]> {
  const rows = await db
    .selectFrom('calls')
    .select(['revision', 'id', 'centre_id', 'operator_user_id', 'status', 'caller_number'])
    .where('revision', '>', afterRevision)
    .orderBy('revision')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    revision: Number(r.revision),
    callId: Number(r.id),
    centreId: r.centre_id,
    operatorUserId: r.operator_user_id,
    status: r.status,
    callerNumber: r.caller_number,
  }));
}
