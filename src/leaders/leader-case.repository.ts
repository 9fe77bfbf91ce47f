import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** Opens a 包案; undefined when the order has an open one already (the partial unique index). */
export async function insertLeaderCase(
  db: Executor,
  row: { orderId: string; centreId: string; leaderId: string; note: string | null; at: Date },
) {
  return db
    .insertInto('leader_cases')
    .values({ order_id: row.orderId, centre_id: row.centreId, leader_id: row.leaderId, note: row.note, taken_at: row.at })
    .onConflict((oc) => oc.column('order_id').where('ended_at', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findOpenLeaderCase(db: Executor, orderId: string) {
  return db
    .selectFrom('leader_cases')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function endLeaderCase(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('leader_cases')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A leader's cases (or every leader's of the centre), with the order's state, deadline and open 批示. */
export async function listLeaderCases(
  db: Executor,
  f: { centreId: string; leaderId?: string; orderId?: string; open: boolean; limit: number },
) {
  let q = db
    .selectFrom('leader_cases as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .innerJoin('users as l', 'l.id', 'c.leader_id')
    .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
    .select([
      'c.id',
      'c.order_id',
      'o.order_no',
      'o.title',
      'o.state as order_state',
      'o.escalated',
      'u.name as lead_unit_name',
      'o.deadline_due_at',
      'c.leader_id',
      'l.display_name as leader_name',
      'c.note',
      'c.taken_at',
      'c.ended_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('leader_instructions as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.order_id', '=', 'c.order_id')
        .where('i.status', '!=', 'answered')
        .as('open_instructions'),
    )
    .where('c.centre_id', '=', f.centreId)
    .orderBy(sql`o.deadline_due_at asc nulls last`)
    .orderBy('c.taken_at', 'desc')
    .limit(f.limit);
  q = f.open ? q.where('c.ended_at', 'is', null) : q.where('c.ended_at', 'is not', null);
  if (f.leaderId) q = q.where('c.leader_id', '=', f.leaderId);
  if (f.orderId) q = q.where('c.order_id', '=', f.orderId);
  return q.execute();
}
