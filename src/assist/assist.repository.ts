import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';
import type { AssistTasksTable } from './assist.table.js';

/** The assisting units an order's active dispatch named (order_assignments, role 'assist'). */
export async function listActiveAssistUnits(db: Executor, orderId: string) {
  return db
    .selectFrom('order_assignments')
    .innerJoin('units', 'units.id', 'order_assignments.unit_id')
    .select(['units.id', 'units.name'])
    .where('order_assignments.order_id', '=', orderId)
    .where('order_assignments.active', '=', true)
    .where('order_assignments.role', '=', 'assist')
    .execute();
}

export async function insertAssistTasks(db: Executor, rows: Insertable<AssistTasksTable>[]) {
  if (rows.length === 0) return [];
  return db.insertInto('assist_tasks').values(rows).returningAll().execute();
}

/** A re-dispatch or an approved return ends the open tasks of the dispatch before: nobody's lateness. */
export async function cancelOpenAssistTasks(db: Executor, orderId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('assist_tasks')
    .set({ state: 'cancelled', cancelled_at: at })
    .where('order_id', '=', orderId)
    .where('state', 'in', ['pending', 'signed'])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Task columns with the assisting unit's name and path and the order's number, title and state. */
const taskRows = (db: Executor) =>
  db
    .selectFrom('assist_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .selectAll('t')
    .select(['u.name as unit_name', 'u.path as unit_path', 'o.order_no', 'o.title as order_title', 'o.state as order_state']);

export type AssistTaskRow = Awaited<ReturnType<typeof findAssistTask>> & object;

export async function findAssistTask(db: Executor, orderId: string, taskId: string) {
  return taskRows(db).where('t.order_id', '=', orderId).where('t.id', '=', taskId).executeTakeFirst();
}

/** An order's live tasks (cancelled ones belong to a dispatch that no longer stands). */
export async function listOrderAssistTasks(db: Executor, orderId: string) {
  return taskRows(db)
    .where('t.order_id', '=', orderId)
    .where('t.state', '<>', 'cancelled')
    .orderBy('t.assigned_at')
    .orderBy('u.name')
    .execute();
}

/** The tasks of a unit subtree: open ones by deadline, then the newest submitted ones. */
export async function listUnitAssistTasks(db: Executor, centreId: string, unitPath: string, limit: number) {
  return taskRows(db)
    .where('t.centre_id', '=', centreId)
    .where(inSubtree('u.path', unitPath))
    .where('t.state', '<>', 'cancelled')
    .orderBy((eb) => eb.case().when('t.state', '=', 'submitted').then(1).else(0).end())
    .orderBy('t.due_at')
    .limit(limit)
    .execute();
}

/** The conditional steps: no row back means the task was not in a state that allows the step. */
export async function markAssistSigned(db: Executor, taskId: string, by: string | null, at: Date) {
  return db
    .updateTable('assist_tasks')
    .set({ state: 'signed', signed_at: at, signed_by: by })
    .where('id', '=', taskId)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Submitting signs an unsigned task in the same step (the opinion shows the unit took it up). */
export async function markAssistSubmitted(db: Executor, taskId: string, opinion: string, by: string | null, at: Date) {
  return db
    .updateTable('assist_tasks')
    .set((eb) => ({
      state: 'submitted',
      opinion,
      submitted_at: at,
      submitted_by: by,
      signed_at: eb.fn.coalesce('signed_at', eb.val(at)),
      signed_by: eb.fn.coalesce('signed_by', eb.val(by)),
    }))
    .where('id', '=', taskId)
    .where('state', 'in', ['pending', 'signed'])
    .returningAll()
    .executeTakeFirst();
}

export async function markAssistUrged(db: Executor, taskId: string, at: Date) {
  return db
    .updateTable('assist_tasks')
    .set((eb) => ({ urge_count: eb('urge_count', '+', 1), last_urged_at: at }))
    .where('id', '=', taskId)
    .where('state', 'in', ['pending', 'signed'])
    .returningAll()
    .executeTakeFirst();
}
