import type { Executor } from '../db/database.js';

/** The grids a person belongs to (any role: worker, building/household head, reporter) and their role there. */
export async function selectPersonGrids(db: Executor, userId: string) {
  return db
    .selectFrom('grid_people as p')
    .innerJoin('grids as g', 'g.id', 'p.grid_id')
    .select(['p.grid_id', 'p.role', 'g.name', 'g.region_id'])
    .where('p.user_id', '=', userId)
    .where('p.active', '=', true)
    .where('g.active', '=', true)
    .execute();
}
export type PersonGrid = Awaited<ReturnType<typeof selectPersonGrids>>[number];

export async function insertGridReport(
  db: Executor,
  r: { centreId: string; orderId: string; gridId: string; reporterId: string; urgent: boolean; at: Date },
) {
  return db
    .insertInto('grid_reports')
    .values({
      centre_id: r.centreId,
      order_id: r.orderId,
      grid_id: r.gridId,
      reporter_id: r.reporterId,
      urgent: r.urgent,
      created_at: r.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A reporter's own reports, newest first, with the order's number, title and state. */
export async function selectReportsBy(db: Executor, centreId: string, reporterId: string, limit: number) {
  return db
    .selectFrom('grid_reports as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('grids as g', 'g.id', 'r.grid_id')
    .select(['r.id', 'r.urgent', 'r.created_at', 'o.order_no', 'o.title', 'o.state', 'g.name as grid_name'])
    .where('r.centre_id', '=', centreId)
    .where('r.reporter_id', '=', reporterId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}
