import type { Executor } from '../../db/database.js';
import { inSubtree } from '../../shared/subtree.js';
import { isUniqueViolation } from '../../db/pg-errors.js';
import type { AssessmentConfig } from './assessment-config.js';
import type { AppealStatus } from './assessment.table.js';
import type { UnitScore } from './assessment-score.js';

export async function findConfig(db: Executor, centreId: string) {
  return db.selectFrom('assessment_configs').selectAll().where('centre_id', '=', centreId).executeTakeFirst();
}

export async function upsertConfig(db: Executor, centreId: string, c: AssessmentConfig, by: string | null, at: Date) {
  const row = {
    indicators: JSON.stringify(c.indicators),
    deductions: JSON.stringify(c.deductions),
    basic_satisfied_weight: c.basicSatisfiedWeight,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('assessment_configs')
    .values({ centre_id: centreId, ...row })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet(row))
    .execute();
}

export async function insertExclusion(
  db: Executor,
  e: { centreId: string; orderId: string; reason: string; reviewerId: string | null; at: Date },
) {
  return db
    .insertInto('assessment_exclusions')
    .values({ centre_id: e.centreId, order_id: e.orderId, reason: e.reason, reviewer_id: e.reviewerId, created_at: e.at })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function listExcludedOrderIds(db: Executor, centreId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('assessment_exclusions').select('order_id').where('centre_id', '=', centreId).execute();
  return new Set(rows.map((r) => r.order_id));
}

export async function insertAppeal(
  db: Executor,
  a: { centreId: string; orderId: string; unitId: string; month: string; reason: string; by: string | null; at: Date },
) {
  return db
    .insertInto('assessment_appeals')
    .values({
      centre_id: a.centreId,
      order_id: a.orderId,
      unit_id: a.unitId,
      month: a.month,
      reason: a.reason,
      filed_by: a.by,
      filed_at: a.at,
    })
    .onConflict((oc) => oc.columns(['order_id', 'unit_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findAppeal(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('assessment_appeals')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Decides a pending appeal; no row back = it was decided already (by someone else). */
export async function decideAppeal(
  db: Executor,
  d: { id: string; status: Exclude<AppealStatus, 'pending'>; by: string | null; at: Date; note: string | null },
) {
  return db
    .updateTable('assessment_appeals')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export async function listAppeals(db: Executor, q: { centreId: string; month?: string; unitPath?: string | null }) {
  let query = db
    .selectFrom('assessment_appeals as a')
    .innerJoin('orders as o', 'o.id', 'a.order_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.order_id',
      'o.order_no',
      'o.title',
      'a.unit_id',
      'u.name as unit_name',
      'a.month',
      'a.reason',
      'a.status',
      'a.filed_at',
      'a.decided_at',
      'a.decision_note',
    ])
    .where('a.centre_id', '=', q.centreId);
  if (q.month) query = query.where('a.month', '=', q.month);
  if (q.unitPath) query = query.where(inSubtree('u.path', q.unitPath));
  return query.orderBy('a.filed_at', 'desc').execute();
}

export async function listAcceptedAppeals(db: Executor, centreId: string, month: string) {
  return db
    .selectFrom('assessment_appeals')
    .select(['order_id', 'unit_id'])
    .where('centre_id', '=', centreId)
    .where('month', '=', month)
    .where('status', '=', 'accepted')
    .execute();
}

export async function findSnapshot(db: Executor, centreId: string, month: string) {
  return db
    .selectFrom('assessment_snapshots')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** Writes a frozen month; undefined back = that month was frozen already (unique centre + month). */
export async function insertSnapshot(
  db: Executor,
  s: { centreId: string; month: string; config: AssessmentConfig; by: string | null; at: Date; rows: UnitScore[] },
) {
  // No ON CONFLICT here: PostgreSQL refuses it on tables with rules; the unique key answers instead.
  const snap = await db
    .insertInto('assessment_snapshots')
    .values({ centre_id: s.centreId, month: s.month, config: JSON.stringify(s.config), frozen_by: s.by, frozen_at: s.at })
    .returningAll()
    .executeTakeFirst()
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) return undefined;
      throw e;
    });
  if (!snap) return undefined;
  if (s.rows.length > 0) {
    await db
      .insertInto('assessment_snapshot_rows')
      .values(
        s.rows.map((r) => ({
          snapshot_id: snap.id,
          unit_id: r.unitId,
          unit_name: r.unitName,
          rank: r.rank,
          score: r.score,
          base_score: r.baseScore,
          deduction_points: r.deductionPoints,
          indicators: JSON.stringify(r.indicators),
          deductions: JSON.stringify(r.deductions),
          counters: JSON.stringify(r.counters),
          excluded_orders: r.excludedOrders,
        })),
      )
      .execute();
  }
  return snap;
}

export async function listSnapshotRows(db: Executor, snapshotId: string) {
  return db
    .selectFrom('assessment_snapshot_rows')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('rank')
    .orderBy('unit_name')
    .execute();
}

/** Frozen results of units over months, oldest first. */
export async function listUnitHistory(db: Executor, centreId: string, unitIds: string[] | null, fromMonth: string) {
  let q = db
    .selectFrom('assessment_snapshot_rows as r')
    .innerJoin('assessment_snapshots as s', 's.id', 'r.snapshot_id')
    .select(['s.month', 'r.unit_id', 'r.unit_name', 'r.rank', 'r.score', 'r.base_score', 'r.deduction_points'])
    .where('s.centre_id', '=', centreId)
    .where('s.month', '>=', fromMonth);
  if (unitIds) q = q.where('r.unit_id', 'in', unitIds.length ? unitIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('s.month').orderBy('r.rank').execute();
}
