import type { Executor } from '../db/database.js';
import type { VerificationResult } from '../contract/geo.js';

/** The active grid workers with an account, and the grid's name (a task goes to their unit). */
export async function selectGridWorkers(db: Executor, gridId: string) {
  return db
    .selectFrom('grid_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('grids as g', 'g.id', 'p.grid_id')
    .select(['p.user_id', 'u.unit_id', 'g.name as grid_name'])
    .where('p.grid_id', '=', gridId)
    .where('p.role', '=', 'worker')
    .where('p.active', '=', true)
    .where('u.active', '=', true)
    .orderBy('p.created_at')
    .execute();
}

/** The grids a person works in as a grid worker. */
export async function selectWorkerGridIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grid_people')
    .select('grid_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'worker')
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.grid_id);
}

export async function insertGridPerson(
  db: Executor,
  p: {
    centreId: string;
    gridId: string;
    userId: string | null;
    role: 'worker' | 'building_head' | 'household_head' | 'reporter';
    name: string;
    at: Date;
  },
) {
  return db
    .insertInto('grid_people')
    .values({ centre_id: p.centreId, grid_id: p.gridId, user_id: p.userId, role: p.role, name: p.name, created_at: p.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertVerificationTask(
  db: Executor,
  t: {
    centreId: string;
    orderId: string;
    gridId: string;
    unitId: string;
    by: string | null;
    note: string | null;
    at: Date;
    dueAt: Date;
  },
) {
  return db
    .insertInto('verification_tasks')
    .values({
      centre_id: t.centreId,
      order_id: t.orderId,
      grid_id: t.gridId,
      unit_id: t.unitId,
      requested_by: t.by,
      request_note: t.note,
      requested_at: t.at,
      due_at: t.dueAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records the answer if the task is still pending; undefined when it was not. */
export async function markVerificationAnswered(
  db: Executor,
  id: string,
  a: {
    result: VerificationResult;
    note: string | null;
    lat: number | null;
    lng: number | null;
    distance: number | null;
    far: boolean | null;
    photoId: string | null;
    by: string;
    at: Date;
  },
) {
  return db
    .updateTable('verification_tasks')
    .set({
      state: 'answered',
      result: a.result,
      answer_note: a.note,
      answer_lat: a.lat,
      answer_lng: a.lng,
      distance_m: a.distance,
      far: a.far,
      photo_id: a.photoId,
      answered_by: a.by,
      answered_at: a.at,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

const taskColumns = [
  't.id',
  't.order_id',
  't.grid_id',
  't.unit_id',
  't.state',
  't.request_note',
  't.requested_at',
  't.due_at',
  't.result',
  't.answer_note',
  't.answer_lat',
  't.answer_lng',
  't.distance_m',
  't.far',
  't.answered_at',
  't.photo_id',
  'o.order_no',
  'o.title as order_title',
  'o.address',
  'o.lat',
  'o.lng',
  'o.state as order_state',
  'g.name as grid_name',
] as const;

/** Tasks with their order and grid; by order, by grids, or every task of the centre. */
export async function selectVerificationTasks(
  db: Executor,
  centreId: string,
  where: { orderId?: string; gridIds?: readonly string[]; id?: string; state?: string; limit: number },
) {
  let q = db
    .selectFrom('verification_tasks as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .innerJoin('grids as g', 'g.id', 't.grid_id')
    .select(taskColumns)
    .where('t.centre_id', '=', centreId);
  if (where.orderId) q = q.where('t.order_id', '=', where.orderId);
  if (where.id) q = q.where('t.id', '=', where.id);
  if (where.gridIds)
    q = where.gridIds.length === 0 ? q.where('t.grid_id', 'is', null) : q.where('t.grid_id', 'in', where.gridIds);
  if (where.state) q = q.where('t.state', '=', where.state as 'pending');
  return q.orderBy('t.state', 'desc').orderBy('t.due_at').limit(where.limit).execute();
}
export type VerificationTaskRow = Awaited<ReturnType<typeof selectVerificationTasks>>[number];
