import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OrderDeadline, OrderDeadlinesTable, Stage } from './timelimits.table.js';

const RANK = `array_position(array['dispatch','sign','contact','reply','review','visit','check','hop_sign','hop_reply','assist','verify'], stage)`;
const STAGE_RANK = sql.raw(RANK);

export async function insertDeadline(db: Executor, row: Insertable<OrderDeadlinesTable>): Promise<OrderDeadline> {
  return db.insertInto('order_deadlines').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Running and paused deadlines of an order, locked for this transaction. */
export async function lockActiveDeadlines(db: Executor, orderId: string): Promise<OrderDeadline[]> {
  return (
    db
      .selectFrom('order_deadlines')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', 'in', ['running', 'paused'])
      .orderBy('started_at')
      // sign and contact start together at dispatch: the earlier stage fires first, so one lateness's
      // one 督办单 names the stage the order is really stuck at (签收, not 联系)
      .orderBy(STAGE_RANK)
      .forUpdate()
      .execute()
  );
}

export async function listOrderDeadlines(db: Executor, orderId: string): Promise<OrderDeadline[]> {
  return db
    .selectFrom('order_deadlines')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('started_at')
    .orderBy(STAGE_RANK)
    .execute();
}

export async function updateDeadline(db: Executor, id: string, patch: Updateable<OrderDeadlinesTable>) {
  await db.updateTable('order_deadlines').set(patch).where('id', '=', id).execute();
}

/** The active clocks of an order's tasks (hops, assisting tasks), ADR 0152. */
export async function listActiveTaskDeadlines(db: Executor, orderId: string): Promise<OrderDeadline[]> {
  return db
    .selectFrom('order_deadlines')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('task_id', 'is not', null)
    .where('status', 'in', ['running', 'paused'])
    .execute();
}

/** Ends one task's active clocks of the given stages (all its clocks when omitted). */
export function endTaskDeadlines(
  db: Executor,
  taskId: string,
  status: 'met' | 'cancelled',
  at: Date,
  stages?: readonly Stage[],
): Promise<number> {
  return endActiveDeadlines(db, 'task_id', taskId, status, at, stages);
}

/** Ends the active deadlines of the given stages (all when omitted, the tasks' clocks too). */
export function endDeadlines(
  db: Executor,
  orderId: string,
  status: 'met' | 'cancelled',
  at: Date,
  stages?: readonly Stage[],
): Promise<number> {
  return endActiveDeadlines(db, 'order_id', orderId, status, at, stages);
}

/** The one statement behind both: an order's clocks, or one task's (a hop, an assisting unit). */
async function endActiveDeadlines(
  db: Executor,
  key: 'order_id' | 'task_id',
  id: string,
  status: 'met' | 'cancelled',
  at: Date,
  stages?: readonly Stage[],
): Promise<number> {
  let q = db
    .updateTable('order_deadlines')
    .set({ status, ended_at: at, next_check_at: null })
    .where(key, '=', id)
    .where('status', 'in', ['running', 'paused']);
  if (stages) q = q.where('stage', 'in', [...stages]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Marks one threshold fired; false when it had already fired (someone else won). */
export async function markThresholdFired(
  db: Executor,
  id: string,
  column: 'yellow_fired_at' | 'red_fired_at' | 'urge_fired_at' | 'supervise_fired_at' | 'leader_fired_at',
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('order_deadlines')
    .set({ [column]: at })
    .where('id', '=', id)
    .where(column, 'is', null)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Copies the nearest running deadline onto the order, so queues filter and sort by it. */
export async function refreshOrderDeadlineSummary(db: Executor, orderId: string): Promise<void> {
  await sql`
    update orders o set
      deadline_stage = d.stage, deadline_due_at = d.due_at, deadline_warn_at = d.warn_at,
      clock_paused = exists (select 1 from order_deadlines p where p.order_id = o.id and p.status = 'paused' and p.task_id is null)
    from (select ${orderId}::uuid as order_id) k
    left join lateral (
      select stage, due_at, warn_at from order_deadlines
      -- the order's own clocks: a hop's or an assisting unit's clock is its task's, not the order's (ADR 0152)
      where order_id = k.order_id and status = 'running' and task_id is null
      order by due_at, ${STAGE_RANK} limit 1
    ) d on true
    where o.id = k.order_id`.execute(db);
}

/** The claim statement of the sweep (shared with the bench's EXPLAIN so both show the same SQL). */
function claimStatement(opts: { now: Date; limit: number; leaseMs: number }) {
  const lease = new Date(opts.now.getTime() + opts.leaseMs);
  return sql`
    with due as (
      select ctid, id, order_id, next_check_at from order_deadlines
      where status = 'running' and next_check_at is not null and next_check_at <= ${opts.now}
        and (claimed_until is null or claimed_until <= ${opts.now})
      order by next_check_at
      limit ${opts.limit}
      for update skip locked
    )
    update order_deadlines d set claimed_until = ${lease}
    from due where d.ctid = due.ctid -- the row locked above: a TID fetch, no second index lookup
    returning d.id, d.order_id, due.next_check_at as due_check_at`;
}

/**
 * The sweep's claim: due rows in index order, skipping rows another sweep holds, pushed forward by
 * a lease so they are not claimed again before their job runs. Returns the order and the instant
 * that was due (for the job's dedupe key).
 */
export async function claimDueDeadlines(
  db: Executor,
  opts: { now: Date; limit: number; leaseMs: number },
): Promise<{ id: string; order_id: string; due_check_at: Date }[]> {
  const r = await claimStatement(opts).$castTo<{ id: string; order_id: string; due_check_at: Date }>().execute(db);
  return r.rows;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the claim; it executes, so run it in a transaction you roll back. */
export async function explainClaimDueDeadlines(db: Executor, opts: { now: Date; limit: number; leaseMs: number }) {
  const r = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${claimStatement(opts)}`.execute(db);
  return r.rows.map((row) => row['QUERY PLAN']);
}
