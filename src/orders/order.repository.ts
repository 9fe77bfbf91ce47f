import type { VisibilityScope } from '../users/actor-scope.js';
import { sql, type InsertObject, type Insertable, type QueryCreator, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import { isUuid } from '../shared/ids.js';
import type { DB, Order, OrderEventsTable, OrderUpdate } from '../db/schema.js';
import { outboxInsert, type NewOutboxMessage } from '../outbox/outbox.repository.js';
import type { CompanionRow } from './order-hooks.js';
import type { OrderState } from '../contract/vocabulary.js';
import type { OrderSort } from '../contract/orders.js';
import { inSubtree, inSubtreeOfColumn } from '../shared/subtree.js';

/**
 * Which orders a reader may see: the whole centre, only those ever sent into a unit subtree, or only
 * those a sub-centre's desk holds (src/users/actor-scope.ts, ADR 0110).
 */
export type OrderScope = VisibilityScope;

export function whereVisible<O>(qb: SelectQueryBuilder<DB, 'orders', O>, scope: OrderScope) {
  let q = qb.where('orders.centre_id', '=', scope.centreId);
  if (scope.unitPath !== null) {
    const root = scope.unitPath;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('order_assignments')
          .innerJoin('units', 'units.id', 'order_assignments.unit_id')
          .select(sql`1`.as('one'))
          .whereRef('order_assignments.order_id', '=', 'orders.id')
          .where(inSubtree('units.path', root)),
      ),
    );
  }
  if (scope.deskUnitId) q = q.where('orders.desk_unit_id', '=', scope.deskUnitId);
  return q;
}

/**
 * Everything intake reads before it writes, in one round trip: the centre (time zone, settings
 * version) and the category and region the new order names, when it names them (null: not found).
 */
export async function findIntakeReferences(
  db: Executor,
  centreId: string,
  refs: { categoryId?: string | null; regionId?: string | null },
) {
  const { categoryId, regionId } = refs;
  return db
    .selectFrom('centres')
    .selectAll('centres')
    .select((eb) => [
      categoryId
        ? eb
            .selectFrom('categories')
            .select(sql<string>`json_build_object('path', path, 'active', active)`.as('c'))
            .where('categories.centre_id', '=', centreId)
            .where('categories.id', '=', categoryId)
            .$castTo<{ path: string; active: boolean } | null>()
            .as('category')
        : sql<{ path: string; active: boolean } | null>`null`.as('category'),
      regionId
        ? eb
            .exists(
              eb
                .selectFrom('regions')
                .select(sql`1`.as('one'))
                .where('regions.centre_id', '=', centreId)
                .where('regions.id', '=', regionId),
            )
            .as('region_found')
        : sql<boolean>`false`.as('region_found'),
    ])
    .where('centres.id', '=', centreId)
    .executeTakeFirst();
}

/**
 * Takes the next number of the centre's day (atomic: no gaps, no repeats under concurrency) and inserts
 * the order with it, in one statement (intake's round trips, ADR 0013). Values may be SQL expressions
 * (the search vector computed from its lexemes). The number is the day (yyMMdd) and then the day's
 * sequence n padded to at least four digits: `2407230001` (grows past 9999).
 */
export async function insertNumberedOrder(
  db: Executor,
  day: string,
  row: Omit<InsertObject<DB, 'orders'>, 'order_no'> & { centre_id: string },
): Promise<Order> {
  return db
    .with('seq', (q) =>
      q
        .insertInto('order_number_counters')
        .values({ centre_id: row.centre_id, day, last_value: 1 })
        .onConflict((oc) =>
          oc.columns(['centre_id', 'day']).doUpdateSet({ last_value: sql`order_number_counters.last_value + 1` }),
        )
        .returning('last_value'),
    )
    .insertInto('orders')
    .values((eb) => ({
      ...row,
      order_no: eb
        .selectFrom('seq')
        .select(sql<string>`${day}::text || lpad(last_value::text, greatest(4, length(last_value::text)), '0')`.as('order_no')),
    }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The rows that come with a new order — its timeline event, the intake hooks' companion rows (its
 * first deadline), its outbox messages — in one statement (data-modifying CTEs): one round trip at
 * intake instead of three (ADR 0013).
 */
export async function insertNewOrderRows(
  db: Executor,
  rows: {
    event: Insertable<OrderEventsTable>;
    companions: readonly CompanionRow[];
    /** Never empty: a new order always announces itself (order.accepted). */
    outbox: readonly NewOutboxMessage[];
    at: Date;
  },
) {
  // Each companion is one more CTE; their tables differ, so the growing WITH list is typed loosely.
  let query: QueryCreator<any> = db.with('new_event', (q) => q.insertInto('order_events').values(rows.event));
  rows.companions.forEach((row, i) => {
    query = query.with(`companion_${i}`, (q) => q.insertInto(row.table).values(row.values as never));
  });
  await outboxInsert(query, rows.outbox, rows.at).execute();
}

export async function findOrder(db: Executor, scope: OrderScope, id: string): Promise<Order | undefined> {
  return whereVisible(db.selectFrom('orders').selectAll('orders'), scope).where('orders.id', '=', id).executeTakeFirst();
}

/**
 * Locks orders (FOR UPDATE) in id order, so two transactions that lock the same pair never wait for
 * each other crosswise, and returns them as committed now (a new statement sees newer commits).
 */
export async function lockOrders(db: Executor, centreId: string, ids: readonly string[]): Promise<Order[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Whether any order is merged into this one (it is a main order). */
export async function hasOrdersMergedInto(db: Executor, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('orders').select('id').where('merged_into_id', '=', orderId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** An order by its id or by its human-readable number, within the scope. */
export async function findOrderByIdOrNo(db: Executor, scope: OrderScope, idOrNo: string): Promise<Order | undefined> {
  return isUuid(idOrNo) ? findOrder(db, scope, idOrNo) : findOrderByNo(db, scope, idOrNo);
}

export async function findOrderByNo(db: Executor, scope: OrderScope, orderNo: string): Promise<Order | undefined> {
  return whereVisible(db.selectFrom('orders').selectAll('orders'), scope)
    .where('orders.order_no', '=', orderNo)
    .executeTakeFirst();
}

/**
 * 疑难件 by hand (issue 14, ADR 0131): a flag, not a state, so the version stays (a leader's mark must
 * not make a handler's open dialog fail). Returns false when the order was a 疑难件 already.
 */
export async function markOrderEscalated(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ escalated: true, updated_at: at })
    .where('id', '=', id)
    .where('escalated', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Takes the 疑难件 flag off by hand (ADR 0154); false when the order was not a 疑难件. The version stays, as for the mark. */
export async function unmarkOrderEscalated(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({ escalated: false, updated_at: at })
    .where('id', '=', id)
    .where('escalated', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The conditional update at the heart of every transition: no row back means someone else won. */
export async function updateOrderIfVersion(
  db: Executor,
  id: string,
  expected: { state: OrderState; version: number },
  patch: OrderUpdate,
): Promise<Order | undefined> {
  return db
    .updateTable('orders')
    .set({ ...patch, version: expected.version + 1 })
    .where('id', '=', id)
    .where('state', '=', expected.state)
    .where('version', '=', expected.version)
    .returningAll()
    .executeTakeFirst();
}

export interface OrderListFilter {
  states?: readonly string[];
  leadUnitId?: string;
  callerPhone?: string;
  escalated?: boolean;
  /** Orders whose nearest running deadline is at this warning level at `now`. */
  warning?: { level: 'yellow' | 'red'; now: Date };
  text?: string;
  acceptedFrom?: Date;
  acceptedTo?: Date;
  limit: number;
  offset: number;
  sort?: OrderSort;
}

/** Each sort ends with the id so pages never repeat or skip a row; each matches an index of 0555_queues. */
function orderBySort<O>(qb: SelectQueryBuilder<DB, 'orders', O>, sort: OrderSort) {
  switch (sort) {
    case 'deadline':
      return qb.orderBy(sql`orders.deadline_due_at asc nulls last`).orderBy('orders.id', 'asc');
    case 'deadline_desc':
      return qb.orderBy(sql`orders.deadline_due_at desc nulls last`).orderBy('orders.id', 'desc');
    case 'updated':
      return qb.orderBy('orders.updated_at', 'desc').orderBy('orders.id', 'desc');
    case 'accepted':
      return qb.orderBy('orders.accepted_at', 'desc').orderBy('orders.id', 'desc');
  }
}

export function listOrdersQuery(db: Executor, scope: OrderScope, f: OrderListFilter) {
  return orderBySort(
    whereOrderListFilter(whereVisible(db.selectFrom('orders').selectAll('orders'), scope), f),
    f.sort ?? 'accepted',
  )
    .limit(f.limit + 1)
    .offset(f.offset);
}

export async function listOrders(db: Executor, scope: OrderScope, f: OrderListFilter) {
  const rows = await listOrdersQuery(db, scope, f).execute();
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

/** How many orders match, counting at most `cap + 1` rows (a count past the cap is not worth its scan). */
export async function countListedOrders(
  db: Executor,
  scope: OrderScope,
  f: Omit<OrderListFilter, 'limit' | 'offset' | 'sort'>,
  cap: number,
): Promise<number> {
  const matching = whereOrderListFilter(whereVisible(db.selectFrom('orders').select('orders.id'), scope), f).limit(cap + 1);
  const row = await db
    .selectFrom(matching.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Lead unit is this unit or one below it, as in full-text search (facet `l:`): a supervisor who picks
 * a district bureau wants its sections' orders too, whether or not words were typed.
 */
function whereLeadUnder<O>(qb: SelectQueryBuilder<DB, 'orders', O>, unitId: string) {
  return qb.where(({ eb, selectFrom }) =>
    eb(
      'orders.lead_unit_id',
      'in',
      selectFrom('units as below')
        .innerJoin('units as top', (join) => join.on(inSubtreeOfColumn('below.path', 'top.path')))
        .select('below.id')
        .where('top.id', '=', unitId),
    ),
  );
}

/** The list filters of GET /api/orders, shared by the list and the CSV export so both show the same orders. */
export function whereOrderListFilter<O>(
  qb: SelectQueryBuilder<DB, 'orders', O>,
  f: Omit<OrderListFilter, 'limit' | 'offset'>,
): SelectQueryBuilder<DB, 'orders', O> {
  let q = qb;
  if (f.states && f.states.length > 0) q = q.where('orders.state', 'in', f.states as readonly OrderState[]);
  if (f.leadUnitId) q = whereLeadUnder(q, f.leadUnitId);
  if (f.callerPhone) q = q.where('orders.caller_phone', '=', f.callerPhone);
  if (f.escalated !== undefined) q = q.where('orders.escalated', '=', f.escalated);
  if (f.warning?.level === 'red') q = q.where('orders.deadline_due_at', '<=', f.warning.now);
  if (f.warning?.level === 'yellow') {
    q = q.where('orders.deadline_warn_at', '<=', f.warning.now).where('orders.deadline_due_at', '>', f.warning.now);
  }
  if (f.acceptedFrom) q = q.where('orders.accepted_at', '>=', f.acceptedFrom);
  if (f.acceptedTo) q = q.where('orders.accepted_at', '<', f.acceptedTo);
  if (f.text) {
    const like = `%${f.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('orders.title', 'like', like), eb('orders.content', 'like', like), eb('orders.order_no', '=', f.text!)]),
    );
  }
  return q;
}

export async function countOrders(db: Executor, scope: OrderScope, states?: readonly string[]) {
  let q = whereVisible(
    db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')),
    scope,
  );
  if (states && states.length > 0) q = q.where('orders.state', 'in', states as readonly OrderState[]);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
