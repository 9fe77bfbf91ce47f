import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CallState } from './call-events.js';

export async function findCallForUpdate(db: Executor, centreId: string, externalId: string) {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findCall(db: Executor, centreId: string, id: number) {
  return db.selectFrom('calls').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export interface CallFields extends CallState {
  hotline_number: string | null;
  caller_number: string | null;
  operator_user_id: string | null;
  operator_ext: string | null;
  recording_url: string | null;
}

/**
 * Inserts the call, or updates it when another event of it arrived first (unique centre +
 * external id). Every write takes a new revision so the KPI rollup refresh sees the change.
 */
export async function upsertCall(db: Executor, centreId: string, externalId: string, f: CallFields, at: Date) {
  return db
    .insertInto('calls')
    .values({ centre_id: centreId, external_id: externalId, ...f, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['centre_id', 'external_id']).doUpdateSet({
        ...f,
        updated_at: at,
        revision: sql<number>`nextval('calls_revision_seq')`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertCallOrderLink(db: Executor, link: { callId: number; orderId: string; by: string | null; at: Date }) {
  await db
    .insertInto('call_order_links')
    .values({ call_id: link.callId, order_id: link.orderId, linked_by: link.by, linked_at: link.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // A new revision: the call's day is rebuilt in the KPI rollups (接收率 counts linked calls).
  await db
    .updateTable('calls')
    .set({ revision: sql<number>`nextval('calls_revision_seq')` })
    .where('id', '=', link.callId)
    .execute();
}

export async function listCallOrderIds(db: Executor, callId: number): Promise<string[]> {
  const rows = await db.selectFrom('call_order_links').select('order_id').where('call_id', '=', callId).execute();
  return rows.map((r) => r.order_id);
}

export async function findUserIdByUsername(db: Executor, centreId: string, username: string) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.id ?? null;
}
