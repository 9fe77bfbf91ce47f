import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ApiClient, ApiClientKey } from './api-client.table.js';

export interface ApiClientRow extends ApiClient {
  owner_unit_name: string | null;
  order_count: number;
}

export async function insertApiClient(
  db: Executor,
  row: {
    centreId: string;
    name: string;
    channel: string;
    ownerUnitId: string | null;
    contact: string;
    scopes: string[];
    ratePerMinute: number;
    ipAllow: string[];
    at: Date;
  },
): Promise<ApiClient> {
  return db
    .insertInto('api_clients')
    .values({
      centre_id: row.centreId,
      name: row.name,
      channel: row.channel,
      owner_unit_id: row.ownerUnitId,
      contact: row.contact,
      scopes: row.scopes,
      rate_per_minute: row.ratePerMinute,
      ip_allow: row.ipAllow,
      created_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateApiClient(
  db: Executor,
  centreId: string,
  id: string,
  changes: Partial<
    Pick<ApiClient, 'channel' | 'owner_unit_id' | 'contact' | 'scopes' | 'rate_per_minute' | 'ip_allow' | 'revoked_at'>
  >,
): Promise<ApiClient | undefined> {
  return db
    .updateTable('api_clients')
    .set(changes)
    .where('id', '=', id)
    .where('centre_id', '=', centreId)
    .returningAll()
    .executeTakeFirst();
}

const clientRows = (db: Executor, centreId: string) =>
  db
    .selectFrom('api_clients as c')
    .leftJoin('units as u', 'u.id', 'c.owner_unit_id')
    .selectAll('c')
    .select('u.name as owner_unit_name')
    .select(sql<number>`(select count(*)::int from orders o where o.api_client_id = c.id)`.as('order_count'))
    .where('c.centre_id', '=', centreId);

export async function listApiClients(db: Executor, centreId: string): Promise<ApiClientRow[]> {
  return clientRows(db, centreId).orderBy('c.created_at').orderBy('c.name').execute();
}

export async function findApiClient(db: Executor, centreId: string, id: string): Promise<ApiClientRow | undefined> {
  return clientRows(db, centreId).where('c.id', '=', id).executeTakeFirst();
}

/** The centre's clients by id and name only (the figures' group names: no order count per client). */
export async function listApiClientNames(db: Executor, centreId: string) {
  return db.selectFrom('api_clients').select(['id', 'name']).where('centre_id', '=', centreId).execute();
}

export async function findApiClientByName(db: Executor, centreId: string, name: string): Promise<ApiClient | undefined> {
  return db.selectFrom('api_clients').selectAll().where('centre_id', '=', centreId).where('name', '=', name).executeTakeFirst();
}

export async function listClientKeys(db: Executor, clientIds: readonly string[]): Promise<ApiClientKey[]> {
  if (clientIds.length === 0) return [];
  return db.selectFrom('api_client_keys').selectAll().where('client_id', 'in', clientIds).orderBy('created_at').execute();
}

export async function insertClientKey(
  db: Executor,
  row: { clientId: string; prefix: string; hash: string; label: string; at: Date },
): Promise<ApiClientKey> {
  return db
    .insertInto('api_client_keys')
    .values({ client_id: row.clientId, prefix: row.prefix, key_hash: row.hash, label: row.label, created_at: row.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Revokes a key of the client (once; a second revocation keeps the first instant). */
export async function revokeClientKey(
  db: Executor,
  clientId: string,
  keyId: string,
  at: Date,
): Promise<ApiClientKey | undefined> {
  return db
    .updateTable('api_client_keys')
    .set({ revoked_at: sql`coalesce(revoked_at, ${at})` })
    .where('id', '=', keyId)
    .where('client_id', '=', clientId)
    .returningAll()
    .executeTakeFirst();
}

/** The key row behind a prefix with its client, for authentication. */
export async function findKeyByPrefix(db: Executor, prefix: string) {
  return db
    .selectFrom('api_client_keys as k')
    .innerJoin('api_clients as c', 'c.id', 'k.client_id')
    .innerJoin('centres as ce', 'ce.id', 'c.centre_id')
    .select([
      'k.id as key_id',
      'k.key_hash',
      'k.revoked_at as key_revoked_at',
      'k.last_used_at',
      'c.id as client_id',
      'c.centre_id',
      'c.name',
      'c.channel',
      'c.scopes',
      'c.rate_per_minute',
      'c.ip_allow',
      'c.revoked_at as client_revoked_at',
      'ce.code as centre_code',
    ])
    .where('k.prefix', '=', prefix)
    .executeTakeFirst();
}

/** At most one write a minute per key: the last-use instant is for people, not for accounting. */
export async function touchKey(db: Executor, keyId: string, at: Date): Promise<void> {
  await db
    .updateTable('api_client_keys')
    .set({ last_used_at: at })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(at.getTime() - 60_000))]))
    .execute();
}
