import { sql } from 'kysely';
import { inSubtreeOfColumn } from '../shared/subtree.js';
import type { Executor } from '../db/database.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';
import { visibleTo } from '../search/search-facets.js';

export interface CandidateWindow {
  scope: OrderScope;
  from: Date;
  to: Date;
  excludeOrderId?: string;
}

const PER_SIGNAL = 20;
const TEXT_CANDIDATES = 50;

/** Orders of the window the reader may see: a unit user's visibility is a facet (ADR 0046), not a per-row check. */
function inWindow(db: Executor, w: CandidateWindow) {
  let q = db
    .selectFrom('orders')
    .select('orders.id')
    .where('orders.centre_id', '=', w.scope.centreId)
    .where('orders.accepted_at', '>=', w.from)
    .where('orders.accepted_at', '<=', w.to)
    .where('orders.state', 'not in', ['invalid', 'merged']);
  if (w.excludeOrderId) q = q.where('orders.id', '<>', w.excludeOrderId);
  if (w.scope.unitPath !== null)
    q = q.where(sql<boolean>`orders.search_facets @> ${sql.val([visibleTo(w.scope.unitPath)])}::text[]`);
  // a sub-centre's staff: their desk's orders only (ADR 0110)
  if (w.scope.deskUnitId) q = q.where('orders.desk_unit_id', '=', w.scope.deskUnitId);
  return q;
}

export interface CandidateSignals {
  phone: string | null;
  address: string | null;
  /** A tsquery literal (two of the probe's most specific words). */
  text: string | undefined;
  /** [west, south, east, north] around the probe's point: the radius's box (map index, ADR 0187). */
  box?: readonly [number, number, number, number];
}

/**
 * Earlier orders from the same caller number (index on centre, phone, time), at the same address
 * (exact after trimming; index on centre, address, time), and the most recent ones matching the text
 * filter — no ranking in SQL: every candidate is scored in the application anyway, and `ORDER BY
 * accepted_at DESC LIMIT` lets the planner stop early in a busy window (ADR 0042). Each lookup is
 * bounded; their union and the rows scoring needs (with the stored lexemes) come back in one
 * statement: one round trip instead of four (ADR 0046).
 */
export async function loadCandidatesBySignals(db: Executor, w: CandidateWindow, s: CandidateSignals) {
  const ids = [
    s.phone
      ? inWindow(db, w).where('orders.caller_phone', '=', s.phone).orderBy('orders.accepted_at', 'desc').limit(PER_SIGNAL)
      : null,
    s.address
      ? inWindow(db, w).where('orders.address', '=', s.address).orderBy('orders.accepted_at', 'desc').limit(PER_SIGNAL)
      : null,
    s.text
      ? inWindow(db, w)
          .where(sql<boolean>`orders.search_vector @@ ${s.text}::tsquery`)
          .orderBy('orders.accepted_at', 'desc')
          .limit(TEXT_CANDIDATES)
      : null,
    s.box
      ? inWindow(db, w)
          .where('orders.lng', '>=', s.box[0])
          .where('orders.lng', '<=', s.box[2])
          .where('orders.lat', '>=', s.box[1])
          .where('orders.lat', '<=', s.box[3])
          .orderBy('orders.accepted_at', 'desc')
          .limit(PER_SIGNAL)
      : null,
  ]
    .filter((q) => q !== null)
    .map((q, i) => db.selectFrom(q.as(`s${i}`)).select(`s${i}.id`));
  if (ids.length === 0) return [];
  const union = ids.slice(1).reduce((u, q) => u.union(q), ids[0]!);
  return candidateColumns(db).where('orders.id', 'in', union).execute();
}

/** What scoring needs of each candidate, including its stored lexemes. */
function candidateColumns(db: Executor) {
  return db
    .selectFrom('orders')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.title',
      'orders.state',
      'orders.caller_phone',
      'orders.address',
      'orders.region_id',
      'orders.accepted_at',
      'orders.lat',
      'orders.lng',
      sql<string[]>`coalesce(tsvector_to_array(orders.search_vector), '{}')`.as('lexemes'),
    ]);
}

export async function saveDuplicateCandidates(
  db: Executor,
  orderId: string,
  found: readonly { candidateId: string; score: number; reasons: string[]; distanceMetres: number | null }[],
  at: Date,
) {
  if (found.length === 0) return;
  await db
    .insertInto('order_duplicate_candidates')
    .values(
      found.map((f) => ({
        order_id: orderId,
        candidate_id: f.candidateId,
        score: f.score,
        reasons: f.reasons,
        found_at: at,
        distance_m: f.distanceMetres,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['order_id', 'candidate_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        reasons: eb.ref('excluded.reasons'),
        found_at: eb.ref('excluded.found_at'),
        distance_m: eb.ref('excluded.distance_m'),
      })),
    )
    .execute();
}

/** Later orders whose intake found this one as a candidate. */
export async function listLaterMatches(db: Executor, scope: OrderScope, orderId: string) {
  const visible = whereVisible(db.selectFrom('orders').select('orders.id'), scope);
  return db
    .selectFrom('order_duplicate_candidates as c')
    .innerJoin('orders', 'orders.id', 'c.order_id')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.title',
      'orders.state',
      'orders.accepted_at',
      'c.score',
      'c.reasons',
      'c.distance_m',
    ])
    .where('c.candidate_id', '=', orderId)
    .where('c.order_id', 'in', visible)
    .orderBy('c.score', 'desc')
    .limit(20)
    .execute();
}

/**
 * The duplicate radius for a probe of this category: the category's own, else its nearest ancestor's
 * (categories.path is `/id/…/id/`, an ancestor's a prefix of it), else the centre's (migration 1030).
 */
export async function duplicateRadius(db: Executor, centreId: string, categoryId: string | null | undefined): Promise<number> {
  const centre = await db.selectFrom('centres').select('duplicate_radius_m').where('id', '=', centreId).executeTakeFirst();
  const fallback = centre?.duplicate_radius_m ?? 200;
  if (!categoryId) return fallback;
  const own = await db
    .selectFrom('categories as c')
    .innerJoin('categories as a', (j) => j.onRef('a.centre_id', '=', 'c.centre_id').on(inSubtreeOfColumn('c.path', 'a.path')))
    .select('a.duplicate_radius_m')
    .where('c.id', '=', categoryId)
    .where('c.centre_id', '=', centreId)
    .where('a.duplicate_radius_m', 'is not', null)
    .orderBy('a.level', 'desc')
    .limit(1)
    .executeTakeFirst();
  return own?.duplicate_radius_m ?? fallback;
}

/** The centre's radius and the categories that set their own. */
export async function selectDuplicateRadii(db: Executor, centreId: string) {
  const [centre, categories] = await Promise.all([
    db.selectFrom('centres').select('duplicate_radius_m').where('id', '=', centreId).executeTakeFirstOrThrow(),
    db
      .selectFrom('categories')
      .select(['id', 'code', 'name', 'duplicate_radius_m'])
      .where('centre_id', '=', centreId)
      .where('duplicate_radius_m', 'is not', null)
      .orderBy('path')
      .execute(),
  ]);
  return { centre: centre.duplicate_radius_m, categories };
}

export async function setCentreDuplicateRadius(db: Executor, centreId: string, metres: number) {
  await db.updateTable('centres').set({ duplicate_radius_m: metres }).where('id', '=', centreId).execute();
}

/** Sets (or clears, with null) a category's own radius; false when the category is not the centre's. */
export async function setCategoryDuplicateRadius(db: Executor, centreId: string, categoryId: string, metres: number | null) {
  const r = await db
    .updateTable('categories')
    .set({ duplicate_radius_m: metres })
    .where('id', '=', categoryId)
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
