import type { Executor } from '../db/database.js';
import { FINAL_STATES } from '../contract/vocabulary.js';

// The end of personal-data retention (ADR 0174): which closed orders are due, and their erasure.
// Caller columns are only read, compared with null, and set to null here, so the sealing of those
// columns at rest (another change of issue 15) applies unchanged.

export async function listRetentionCentres(db: Executor, code?: string) {
  let q = db.selectFrom('centres').select(['id', 'code', 'name', 'pii_retention_years']);
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('code').execute();
}

export async function setRetentionYears(db: Executor, centreId: string, years: number) {
  await db.updateTable('centres').set({ pii_retention_years: years }).where('id', '=', centreId).execute();
}

const dueOrders = (db: Executor, centreId: string, closedBefore: Date) =>
  db
    .selectFrom('orders')
    .where('centre_id', '=', centreId)
    .where('anonymised_at', 'is', null)
    .where('closed_at', 'is not', null)
    .where('closed_at', '<', closedBefore)
    .where('state', 'in', FINAL_STATES);

/** Closed orders whose retention ended before `closedBefore` and are not erased yet, oldest first. */
export async function listDueOrders(db: Executor, centreId: string, closedBefore: Date, limit: number) {
  return dueOrders(db, centreId, closedBefore)
    .select(['id', 'centre_id', 'state', 'order_no', 'title', 'content', 'caller_name', 'caller_phone', 'address', 'lat', 'lng'])
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countDueOrders(db: Executor, centreId: string, closedBefore: Date): Promise<number> {
  const row = await dueOrders(db, centreId, closedBefore)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Erases an order's caller data, if it is still due (the job's idempotent claim: a second run, or a
 * second worker, finds it done and changes nothing). False when it was not due any more.
 */
export async function eraseOrderCaller(
  db: Executor,
  orderId: string,
  closedBefore: Date,
  erased: { title: string; content: string; lat: number | null; lng: number | null; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('orders')
    .set({
      caller_name: null,
      caller_phone: null,
      address: null,
      lat: erased.lat,
      lng: erased.lng,
      title: erased.title,
      content: erased.content,
      anonymised_at: erased.at,
    })
    .where('id', '=', orderId)
    .where('anonymised_at', 'is', null)
    .where('closed_at', '<', closedBefore)
    .where('state', 'in', FINAL_STATES)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The caller numbers of the order's call records (the calls' counts and times stay: they are figures). */
export async function eraseCallNumbers(db: Executor, orderId: string): Promise<number> {
  const result = await db
    .updateTable('calls')
    .set({ caller_number: null })
    .where('id', 'in', db.selectFrom('call_order_links').select('call_id').where('order_id', '=', orderId))
    .where('caller_number', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listVisitNotes(db: Executor, orderId: string) {
  return db
    .selectFrom('return_visits')
    .select(['id', 'note'])
    .where('order_id', '=', orderId)
    .where('note', 'is not', null)
    .execute();
}

export async function setVisitNote(db: Executor, visitId: string, note: string) {
  await db.updateTable('return_visits').set({ note }).where('id', '=', visitId).execute();
}

export async function findCentreRetention(db: Executor, centreId: string) {
  return db
    .selectFrom('centres')
    .select(['id', 'code', 'pii_retention_years'])
    .where('id', '=', centreId)
    .executeTakeFirstOrThrow();
}

export async function countErasedOrders(db: Executor, centreId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .where('centre_id', '=', centreId)
    .where('anonymised_at', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The last retention run that erased anything in the centre (its audit row). */
export async function findLastRetentionRun(db: Executor, centreId: string) {
  return db
    .selectFrom('pii_access_log')
    .select(['at', 'detail'])
    .where('centre_id', '=', centreId)
    .where('purpose', '=', 'retention.anonymised')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
