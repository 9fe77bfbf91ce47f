import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { FINAL_STATES, type OrderState } from '../contract/vocabulary.js';

/** The centre's categories with whether each has children and attributes (services are the active leaves). */
export async function listServiceCategories(db: Executor, centreId: string) {
  return db
    .selectFrom('categories as c')
    .select(['c.id', 'c.code', 'c.name', 'c.path', 'c.level', 'c.active', 'c.aliases', 'c.parent_id'])
    .select(hasChildren.as('has_children'))
    .select(sql<boolean>`c.id in (select a.category_id from category_attributes a)`.as('has_attributes'))
    .where('c.centre_id', '=', centreId)
    .orderBy('c.path')
    .execute();
}

/**
 * Whether category `c` has an active child. An uncorrelated IN (one hashed pass over the catalogue)
 * rather than EXISTS per category: a catalogue of ~1,000 categories answers in ~1.5 ms, not ~15 ms.
 */
const hasChildren = sql<boolean>`c.id in (select k.parent_id from categories k where k.active and k.parent_id is not null)`;

/** The services named by codes: the centre's active leaf categories with these codes (one query for a code list). */
export async function findServiceCategories(db: Executor, centreId: string, codes: readonly string[]) {
  return db
    .selectFrom('categories as c')
    .select(['c.id', 'c.code', 'c.name'])
    .where('c.centre_id', '=', centreId)
    .where('c.code', 'in', codes)
    .where('c.active', '=', true)
    .where(sql<boolean>`not exists (select 1 from categories k where k.parent_id = c.id and k.active)`)
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

/** W3C-DTF in UTC to the second, as Open311 writes times. */
const W3C = 'YYYY-MM-DD"T"HH24:MI:SS"Z"';

/**
 * A time column as the Open311 text, formatted by the database: parsing four timestamps of each of
 * 1,000 rows into Dates and formatting them again cost the server ~15 ms of CPU per answer (the bench).
 */
const w3cOf = (column: 'o.accepted_at' | 'o.updated_at' | 'o.closed_at') =>
  sql<string | null>`to_char(${sql.ref(column)} at time zone 'UTC', ${W3C})`;

/**
 * Service requests as Open311 shows them: never a confidential appeal (caller_confidential), newest
 * first. The caller's name and phone are read only so the presenter can blank them out of the text.
 * `expected_datetime` is the order's reply deadline (its running or latest `reply` clock). Times come
 * as W3C-DTF text (UTC, to the second).
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
      w3cOf('o.accepted_at').as('requested_datetime'),
      w3cOf('o.updated_at').as('updated_datetime'),
      w3cOf('o.closed_at').as('closed_datetime'),
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
      // Only an open request shows one (presentRequest): a closed one skips the probe. Read from
      // order_deadlines_reply_due_idx alone (migration 1141).
      sql<
        string | null
      >`case when o.state not in (${sql.join(FINAL_STATES)}) then (select to_char(d.due_at at time zone 'UTC', ${W3C})
        from order_deadlines d where d.order_id = o.id and d.stage = 'reply' and d.task_id is null
        order by d.started_at desc limit 1) end`.as('reply_due_datetime'),
    )
    .where('o.centre_id', '=', f.centreId)
    .where('o.caller_confidential', '=', false);
  if (f.orderNos) {
    q = q.where('o.order_no', 'in', f.orderNos);
  } else if (f.categoryIds || f.states) {
    q = q.where(sql<boolean>`o.id in (${newestMatching(f)})`);
  } else {
    if (f.from) q = q.where('o.accepted_at', '>=', f.from);
    if (f.to) q = q.where('o.accepted_at', '<=', f.to);
  }
  return q.orderBy('o.accepted_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
}

/**
 * The ids of the newest requests of a service_code list or a status, each service (else each state)
 * read newest first from its own index range — orders_open311_service_idx (migration 1110), else
 * orders_centre_state_idx — at most `limit` each, then merged. One walk of the whole window filtering
 * by service and state read all ~240,000 requests of 90 days of a 1,000,000-order centre for a rare
 * service (~1 s); this reads at most `limit` per service (docs/BENCHMARKS.md, Open interfaces).
 */
function newestMatching(f: RequestFilter) {
  const within = [sql`o.centre_id = ${f.centreId}`, sql`not o.caller_confidential`];
  if (f.from) within.push(sql`o.accepted_at >= ${f.from}`);
  if (f.to) within.push(sql`o.accepted_at <= ${f.to}`);
  const [probe, type, match] = f.categoryIds
    ? [f.categoryIds, sql`uuid`, sql`o.category_id = k.v`]
    : [f.states!, sql`text`, sql`o.state = k.v`];
  if (f.categoryIds && f.states) within.push(sql`o.state in (${sql.join(f.states)})`);
  return sql`select p.id from unnest(array[${sql.join(probe)}]::${type}[]) as k(v) cross join lateral (
      select o.id, o.accepted_at from orders o where ${sql.join(within, sql` and `)} and ${match}
      order by o.accepted_at desc, o.id desc limit ${f.limit}) p
    order by p.accepted_at desc, p.id desc limit ${f.limit}`;
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
