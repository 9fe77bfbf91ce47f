import type { TimelineEventKind } from '../contract/timeline.js';
import type { Executor } from '../db/database.js';

/** The centre the portal serves: the one with `code`, or else the oldest centre. */
export async function findPortalCentre(db: Executor, code: string | undefined) {
  let q = db.selectFrom('centres').selectAll();
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('created_at').orderBy('code').limit(1).executeTakeFirst();
}

export async function findOrderByNumber(db: Executor, centreId: string, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('centre_id', '=', centreId).where('order_no', '=', orderNo).executeTakeFirst();
}

/** The timeline rows a citizen may see: action, time and payload only — never who or internal notes. */
export async function listPublicEvents(db: Executor, orderId: string, actions: readonly string[]) {
  return db
    .selectFrom('order_events')
    .select(['id', 'action', 'at', 'payload'])
    .where('order_id', '=', orderId)
    .where('action', 'in', [...actions] as TimelineEventKind[])
    .orderBy('id')
    .execute();
}

/** Files the citizen sent with the appeal (no staff uploader), oldest first. */
export async function listCitizenPhotos(db: Executor, orderId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'content_type', 'storage_key'])
    .where('order_id', '=', orderId)
    .where('uploaded_by', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** 承诺时限: the due time of the reply deadline the handling unit is working to, if one runs or ran. */
export async function findPromisedReplyBy(db: Executor, orderId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('order_deadlines')
    .select('due_at')
    .where('order_id', '=', orderId)
    .where('stage', '=', 'reply')
    .where('status', '!=', 'cancelled')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.due_at) : null;
}

/** The words the citizen wrote with their web rating (the note of the web return visit). */
export async function findWebRatingComment(db: Executor, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('return_visits')
    .select('note')
    .where('order_id', '=', orderId)
    .where('method', '=', 'web')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.note ?? null;
}
