import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { whereVisible, type OrderScope } from '../orders/order.repository.js';

/**
 * An order awaiting its return visit: 待回访, or a 直办 order closed without a visit yet (ADR 0202).
 * The one SQL form of the rule `awaitsVisit` (visit-link.service.ts) says in code.
 */
export const awaitingVisit = (eb: ExpressionBuilder<DB, 'orders'>) =>
  eb.or([
    eb('orders.state', '=', 'visiting'),
    eb.and([
      eb('orders.state', '=', 'closed'),
      eb('orders.handled_directly', '=', true),
      eb.not(eb.exists(eb.selectFrom('return_visits as v').select('v.id').whereRef('v.order_id', '=', 'orders.id'))),
    ]),
  ]);

export async function insertVisitLink(
  db: Executor,
  r: { centreId: string; orderId: string; tokenHash: string; by: string | null; at: Date; expiresAt: Date },
) {
  return db
    .insertInto('visit_links')
    .values({
      centre_id: r.centreId,
      order_id: r.orderId,
      token_hash: r.tokenHash,
      created_by: r.by,
      created_at: r.at,
      expires_at: r.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The order's link still waiting for the citizen (not used, not fallen back, not expired), if any. */
export async function findLiveLink(db: Executor, orderId: string, at: Date) {
  return db
    .selectFrom('visit_links')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('used_at', 'is', null)
    .where('fell_back_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The link behind a token's hash, locked when `lock` (the rating: two taps of the button queue here). */
export async function findLinkByHash(db: Executor, tokenHash: string, lock = false) {
  const q = db.selectFrom('visit_links').selectAll().where('token_hash', '=', tokenHash);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Spends the link: only a live one (conditional), so a second use changes nothing. */
export async function markLinkUsed(db: Executor, id: string, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('visit_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('fell_back_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Links that ran out unanswered while their order still awaits its visit, oldest first. Only the
 * last week's expiries are looked at: a run missed for longer has nothing left to call back.
 */
export async function listDueFallbacks(db: Executor, at: Date, since: Date, limit: number) {
  return db
    .selectFrom('visit_links as l')
    .innerJoin('orders', 'orders.id', 'l.order_id')
    .select(['l.id', 'l.order_id', 'orders.centre_id', 'orders.state'])
    .where('l.used_at', 'is', null)
    .where('l.fell_back_at', 'is', null)
    .where('l.expires_at', '<=', at)
    .where('l.expires_at', '>', since)
    .where(awaitingVisit)
    .orderBy('l.expires_at')
    .limit(limit)
    .execute();
}

export async function markFellBack(db: Executor, id: string, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('visit_links')
    .set({ fell_back_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('fell_back_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The desk's recent links (within the reader's scope), newest first, with the order number and the sender. */
export async function listVisitLinks(db: Executor, scope: OrderScope, q: { limit: number; orderId?: string }) {
  let query = whereVisible(db.selectFrom('orders'), scope)
    .innerJoin('visit_links as l', 'l.order_id', 'orders.id')
    .leftJoin('users as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.order_id',
      'orders.order_no',
      'l.created_at',
      'l.expires_at',
      'l.used_at',
      'l.fell_back_at',
      'u.display_name as sent_by',
    ])
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .limit(q.limit);
  if (q.orderId) query = query.where('l.order_id', '=', q.orderId);
  return query.execute();
}

// ---- 直办 samples ---------------------------------------------------------------------------------

/**
 * 直办 orders closed since `since` that are neither drawn yet nor visited, of centres sampling a share
 * above zero (their notice settings), with that share.
 */
export async function listDirectCandidates(db: Executor, since: Date, limit: number) {
  return db
    .selectFrom('orders')
    .innerJoin('citizen_notice_settings as s', 's.centre_id', 'orders.centre_id')
    .select(['orders.id', 'orders.centre_id', 's.direct_visit_share as share'])
    .where('orders.handled_directly', '=', true)
    .where('orders.state', '=', 'closed')
    .where('orders.closed_at', '>=', since)
    .where('s.direct_visit_share', '>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('direct_visit_samples as d').select('d.order_id').whereRef('d.order_id', '=', 'orders.id'))),
    )
    .where(awaitingVisit)
    .orderBy('orders.closed_at')
    .limit(limit)
    .execute();
}

export async function insertDirectSamples(
  db: Executor,
  rows: { orderId: string; centreId: string; share: number; at: Date }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await db
    .insertInto('direct_visit_samples')
    .values(rows.map((r) => ({ order_id: r.orderId, centre_id: r.centreId, share: r.share, sampled_at: r.at })))
    .onConflict((oc) => oc.column('order_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/** The sampled 直办 orders still waiting for their visit (the other half of the visit queue), oldest first. */
export async function listAwaitingDirectSamples(db: Executor, scope: OrderScope, limit: number) {
  return whereVisible(db.selectFrom('orders').selectAll('orders'), scope)
    .innerJoin('direct_visit_samples as d', 'd.order_id', 'orders.id')
    .where(awaitingVisit)
    .orderBy('d.sampled_at')
    .orderBy('orders.id')
    .limit(limit)
    .execute();
}

/** The centre's name, for the citizen's page. */
export async function findCentreName(db: Executor, centreId: string): Promise<string> {
  const row = await db.selectFrom('centres').select('name').where('id', '=', centreId).executeTakeFirst();
  return row?.name ?? '';
}
