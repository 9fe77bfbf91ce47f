import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';

export interface CandidateWindow {
  scope: OrderScope;
  from: Date;
  to: Date;
  excludeOrderId?: string;
}

const PER_SIGNAL = 20;

function inWindow(db: Executor, w: CandidateWindow) {
  let q = whereVisible(db.selectFrom('orders').select('orders.id'), w.scope)
    .where('orders.accepted_at', '>=', w.from)
    .where('orders.accepted_at', '<=', w.to)
    .where('orders.state', 'not in', ['invalid', 'merged']);
  if (w.excludeOrderId) q = q.where('orders.id', '<>', w.excludeOrderId);
  return q;
}

/** Earlier orders from the same caller number (index on centre, phone, time). */
export async function idsBySamePhone(db: Executor, w: CandidateWindow, phone: string) {
  const rows = await inWindow(db, w)
    .where('orders.caller_phone', '=', phone)
    .orderBy('orders.accepted_at', 'desc')
    .limit(PER_SIGNAL)
    .execute();
  return rows.map((r) => r.id);
}

/** Earlier orders at the same address (exact after trimming). */
export async function idsBySameAddress(db: Executor, w: CandidateWindow, address: string) {
  const rows = await inWindow(db, w)
    .where('orders.address', '=', address)
    .orderBy('orders.accepted_at', 'desc')
    .limit(PER_SIGNAL)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The most recent earlier orders matching `filter` (a tsquery literal). No ranking in SQL: every
 * candidate is scored in the application anyway, and `ORDER BY accepted_at DESC LIMIT` lets the
 * planner stop early in a busy window instead of ranking every match (ADR 0042).
 */
export async function idsBySimilarText(db: Executor, w: CandidateWindow, filter: string, limit = 50) {
  const rows = await inWindow(db, w)
    .where(sql<boolean>`orders.search_vector @@ ${filter}::tsquery`)
    .orderBy('orders.accepted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** What scoring needs of each candidate, including its stored lexemes. */
export async function loadCandidates(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
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
    ])
    .where('orders.id', 'in', ids)
    .execute();
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

/** Undoing a merge removes the duplicate link (the timeline keeps both steps). */
export async function deleteDuplicateLink(db: Executor, orderId: string, mainOrderId: string) {
  await db
    .deleteFrom('order_links')
    .where('order_id', '=', orderId)
    .where('linked_order_id', '=', mainOrderId)
    .where('kind', '=', 'duplicate')
    .execute();
}
