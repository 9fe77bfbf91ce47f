import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OrderState } from '../contract/vocabulary.js';

/** The centre's categories with whether each has children and attributes (services are the active leaves). */
export async function listServiceCategories(db: Executor, centreId: string) {
  return db
    .selectFrom('categories as c')
    .select(['c.id', 'c.code', 'c.name', 'c.path', 'c.level', 'c.active', 'c.aliases', 'c.parent_id'])
    .select(sql<boolean>`exists (select 1 from categories k where k.parent_id = c.id and k.active)`.as('has_children'))
    .select(sql<boolean>`exists (select 1 from category_attributes a where a.category_id = c.id)`.as('has_attributes'))
    .where('c.centre_id', '=', centreId)
    .orderBy('c.path')
    .execute();
}

export async function findCategoriesByName(db: Executor, centreId: string, names: readonly string[]) {
  return db
    .selectFrom('categories')
    .select(['id', 'name', 'code', 'active'])
    .where('centre_id', '=', centreId)
    .where('name', 'in', names)
    .execute();
}

export async function listCategoryAttributes(db: Executor, categoryId: string) {
  return db.selectFrom('category_attributes').selectAll().where('category_id', '=', categoryId).orderBy('ord').execute();
}

export async function insertCategoryAttribute(
  db: Executor,
  row: {
    categoryId: string;
    code: string;
    datatype: string;
    required: boolean;
    description: string;
    datatypeDescription?: string;
    order: number;
    values?: { key: string; name: string }[];
  },
) {
  await db
    .insertInto('category_attributes')
    .values({
      category_id: row.categoryId,
      code: row.code,
      datatype: row.datatype,
      required: row.required,
      description: row.description,
      datatype_description: row.datatypeDescription ?? '',
      ord: row.order,
      values: JSON.stringify(row.values ?? []),
    })
    .onConflict((oc) => oc.columns(['category_id', 'code']).doNothing())
    .execute();
}

export interface RequestFilter {
  centreId: string;
  orderNos?: readonly string[];
  categoryIds?: readonly string[];
  states?: readonly OrderState[];
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * Service requests as Open311 shows them: never a confidential appeal (caller_confidential), newest
 * first. The caller's name and phone are read only so the presenter can blank them out of the text.
 * `expected_datetime` is the order's reply deadline (its running or latest `reply` clock).
 */
export async function listServiceRequests(db: Executor, f: RequestFilter) {
  let q = db
    .selectFrom('orders as o')
    .leftJoin('categories as c', 'c.id', 'o.category_id')
    .leftJoin('units as u', 'u.id', 'o.lead_unit_id')
    .leftJoin('open311_requests as r', 'r.order_id', 'o.id')
    .select([
      'o.id',
      'o.order_no',
      'o.state',
      'o.content',
      'o.address',
      'o.lat',
      'o.lng',
      'o.accepted_at',
      'o.updated_at',
      'o.closed_at',
      'o.caller_name',
      'o.caller_phone',
      'c.code as service_code',
      'c.name as service_name',
      'u.name as agency',
      'o.api_client_id',
      'r.media_url',
      'r.address_id',
    ])
    .select(
      sql<Date | null>`(select d.due_at from order_deadlines d where d.order_id = o.id and d.stage = 'reply' and d.task_id is null
        order by d.started_at desc limit 1)`.as('reply_due_at'),
    )
    .where('o.centre_id', '=', f.centreId)
    .where('o.caller_confidential', '=', false);
  if (f.orderNos) {
    q = q.where('o.order_no', 'in', f.orderNos);
  } else {
    if (f.categoryIds) q = q.where('o.category_id', 'in', f.categoryIds);
    if (f.states) q = q.where('o.state', 'in', f.states);
    if (f.from) q = q.where('o.accepted_at', '>=', f.from);
    if (f.to) q = q.where('o.accepted_at', '<=', f.to);
  }
  return q.orderBy('o.accepted_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
}

export type ServiceRequestRow = Awaited<ReturnType<typeof listServiceRequests>>[number];

/** The order behind a request id of this client (for updates pushed by the client). */
export async function findClientOrder(db: Executor, centreId: string, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('centre_id', '=', centreId).where('order_no', '=', orderNo).executeTakeFirst();
}

/** The comment this client already added under its own update id (mySociety POST retried), if any. */
export async function findClientComment(db: Executor, orderId: string, clientName: string, updateId: string) {
  return db
    .selectFrom('order_events')
    .select('id')
    .where('order_id', '=', orderId)
    .where('action', '=', 'external_comment')
    .where(sql<string>`payload->>'client'`, '=', clientName)
    .where(sql<string>`payload->>'updateId'`, '=', updateId)
    .executeTakeFirst();
}

export async function insertOpen311Request(
  db: Executor,
  row: {
    orderId: string;
    clientId: string;
    attributes: Record<string, string | string[]>;
    mediaUrl: string | null;
    addressId: string | null;
    accountId: string | null;
    deviceId: string | null;
    externalId: string | null;
  },
) {
  await db
    .insertInto('open311_requests')
    .values({
      order_id: row.orderId,
      api_client_id: row.clientId,
      attributes: JSON.stringify(row.attributes),
      media_url: row.mediaUrl,
      address_id: row.addressId,
      account_id: row.accountId,
      device_id: row.deviceId,
      external_id: row.externalId,
    })
    .execute();
}

/**
 * The public steps of the client's own appeals in a window (mySociety `servicerequestupdates`):
 * events of orders this client submitted, never a confidential appeal's, oldest first.
 */
export async function listClientUpdates(
  db: Executor,
  f: { clientId: string; centreId: string; from: Date; to: Date; steps: readonly string[]; limit: number },
) {
  return db
    .selectFrom('order_events as e')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .leftJoin('open311_requests as r', 'r.order_id', 'o.id')
    .select(['e.id', 'e.action', 'e.at', 'e.payload', 'e.to_state', 'o.order_no', 'o.state', 'r.media_url', 'r.external_id'])
    .where('o.api_client_id', '=', f.clientId)
    .where('o.centre_id', '=', f.centreId)
    .where('o.caller_confidential', '=', false)
    .where('e.action', 'in', f.steps as never)
    .where('e.at', '>=', f.from)
    .where('e.at', '<=', f.to)
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(f.limit)
    .execute();
}

/** An open-API order's client and its Open311 extras (the order page's origin). */
export async function findOpenApiOrigin(db: Executor, orderId: string, clientId: string) {
  return db
    .selectFrom('api_clients as c')
    .leftJoin('open311_requests as r', (j) => j.on('r.order_id', '=', orderId))
    .select(['c.id', 'c.name', 'r.attributes', 'r.media_url', 'r.external_id'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
}
