import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';

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

export async function searchOrders(db: Executor, scope: OrderScope, f: OrderSearchFilter) {
  const tsq = sql`${f.query}::tsquery`;
  let q = whereVisible(
    db
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
        sql<number>`ts_rank(orders.search_vector, ${tsq})`.as('rank'),
      ]),
    scope,
  ).where(sql<boolean>`orders.search_vector @@ ${tsq}`);
  if (f.states && f.states.length > 0) q = q.where('orders.state', 'in', f.states);
  if (f.acceptedFrom) q = q.where('orders.accepted_at', '>=', f.acceptedFrom);
  if (f.acceptedTo) q = q.where('orders.accepted_at', '<', f.acceptedTo);
  if (f.regionId) {
    const regionId = f.regionId;
    q = q.where('orders.region_id', 'in', (eb) =>
      eb
        .selectFrom('regions')
        .select('regions.id')
        .where((w) => w.or([w('regions.id', '=', regionId), w('regions.parent_id', '=', regionId)])),
    );
  }
  if (f.leadUnitPath) {
    q = q.where('orders.lead_unit_id', 'in', (eb) =>
      eb.selectFrom('units').select('units.id').where('units.path', 'like', `${f.leadUnitPath}%`),
    );
  }
  if (f.categoryPath) {
    q = q.where('orders.category_id', 'in', (eb) =>
      eb.selectFrom('categories').select('categories.id').where('categories.path', 'like', `${f.categoryPath}%`),
    );
  }
  const window = q.orderBy('orders.accepted_at', 'desc').limit(RANK_WINDOW);
  const rows = await db
    .selectFrom(window.as('hits'))
    .selectAll('hits')
    .orderBy('hits.rank', 'desc')
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
