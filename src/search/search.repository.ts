import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OrderScope } from '../orders/order.repository.js';
import { categoryUnder, inRegion, inState, leadUnitUnder, visibleTo } from './search-facets.js';

/** The search vector of an order as an SQL value (also for intake's INSERT): title weighted A, content and address D. */
export const searchVectorValue = (titleSource: string, bodySource: string) =>
  sql<string>`setweight(to_tsvector('simple', ${titleSource}), 'A') || setweight(to_tsvector('simple', ${bodySource}), 'D')`;

/** Stores the lexemes of an order: title with weight A, content and address with weight D. */
export async function setOrderSearchVector(db: Executor, orderId: string, titleSource: string, bodySource: string) {
  await db
    .updateTable('orders')
    .set({ search_vector: searchVectorValue(titleSource, bodySource) })
    .where('id', '=', orderId)
    .execute();
}

export interface OrderSearchFilter {
  /** A tsquery literal built by src/text/tsquery.ts. */
  query: string;
  states?: readonly string[];
  /** Path of a unit: orders whose lead unit lies in that subtree. */
  leadUnitPath?: string;
  /** Path of a category: orders filed under it or below. */
  categoryPath?: string;
  regionId?: string;
  acceptedFrom?: Date;
  acceptedTo?: Date;
  limit: number;
  offset: number;
}

/**
 * The most recent matches are ranked (ts_rank, title weighted over content); at most `RANK_WINDOW`
 * matches are ranked, so a word found in every tenth order still answers in milliseconds: the
 * planner walks the time index backwards and stops after the window is full (ADR 0040).
 */
export const RANK_WINDOW = 200;

/**
 * Facets every match must carry: the unit user's visibility and the filters (ADR 0046). Several
 * states are an "any of" (`&&`), returned apart.
 */
export function searchFacetsOf(
  scope: OrderScope,
  f: Pick<OrderSearchFilter, 'states' | 'leadUnitPath' | 'categoryPath' | 'regionId'>,
) {
  const all: string[] = [];
  if (scope.unitPath !== null) all.push(visibleTo(scope.unitPath));
  if (f.leadUnitPath) all.push(leadUnitUnder(f.leadUnitPath));
  if (f.categoryPath) all.push(categoryUnder(f.categoryPath));
  if (f.regionId) all.push(inRegion(f.regionId));
  const states = [...new Set(f.states ?? [])];
  if (states.length === 1) all.push(inState(states[0]!));
  return { all, anyState: states.length > 1 ? states.map(inState) : [] };
}

/**
 * Words, visibility and filters in one statement that the single GIN index over
 * (search_vector, search_facets) answers as a whole: no per-row visibility check, no sub-selects of
 * units, categories or regions (ADR 0046).
 */
export async function searchOrders(db: Executor, scope: OrderScope, f: OrderSearchFilter) {
  const tsq = sql`${f.query}::tsquery`;
  const facets = searchFacetsOf(scope, f);
  let q = db
    .selectFrom('orders')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.title',
      'orders.content',
      'orders.state',
      'orders.lead_unit_id',
      'orders.category_id',
      'orders.region_id',
      'orders.accepted_at',
      'orders.search_vector',
    ])
    .where('orders.centre_id', '=', scope.centreId)
    .where(sql<boolean>`orders.search_vector @@ ${tsq}`);
  if (facets.all.length > 0) q = q.where(sql<boolean>`orders.search_facets @> ${sql.val(facets.all)}::text[]`);
  if (facets.anyState.length > 0) q = q.where(sql<boolean>`orders.search_facets && ${sql.val(facets.anyState)}::text[]`);
  if (f.states && f.states.length > 0) q = q.where('orders.state', 'in', f.states);
  if (f.acceptedFrom) q = q.where('orders.accepted_at', '>=', f.acceptedFrom);
  if (f.acceptedTo) q = q.where('orders.accepted_at', '<', f.acceptedTo);
  const window = q.orderBy('orders.accepted_at', 'desc').limit(RANK_WINDOW);
  // ts_rank outside the window: computed for the ≤ 200 rows kept, not for every match the sort sees.
  const rows = await db
    .selectFrom(window.as('hits'))
    .select([
      'hits.id',
      'hits.order_no',
      'hits.title',
      'hits.content',
      'hits.state',
      'hits.lead_unit_id',
      'hits.category_id',
      'hits.region_id',
      'hits.accepted_at',
      sql<number>`ts_rank(hits.search_vector, ${tsq})`.as('rank'),
    ])
    .orderBy('rank', 'desc')
    .orderBy('hits.accepted_at', 'desc')
    .orderBy('hits.id')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

/** One page of orders' text, by id, for rebuilding the index. */
export async function listOrderTextAfter(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom('orders').select(['id', 'centre_id', 'title', 'content', 'address']);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
