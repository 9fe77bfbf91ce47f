import { sql } from 'kysely';
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
      sql<string[]>`coalesce(tsvector_to_array(orders.search_vector), '{}')`.as('lexemes'),
    ]);
}

export async function saveDuplicateCandidates(
  db: Executor,
  orderId: string,
  found: readonly { candidateId: string; score: number; reasons: string[] }[],
  at: Date,
) {
  if (found.length === 0) return;
  await db
    .insertInto('order_duplicate_candidates')
    .values(
      found.map((f) => ({ order_id: orderId, candidate_id: f.candidateId, score: f.score, reasons: f.reasons, found_at: at })),
    )
    .onConflict((oc) =>
      oc.columns(['order_id', 'candidate_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        reasons: eb.ref('excluded.reasons'),
        found_at: eb.ref('excluded.found_at'),
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
    .select(['orders.id', 'orders.order_no', 'orders.title', 'orders.state', 'orders.accepted_at', 'c.score', 'c.reasons'])
    .where('c.candidate_id', '=', orderId)
    .where('c.order_id', 'in', visible)
    .orderBy('c.score', 'desc')
    .limit(20)
    .execute();
}
