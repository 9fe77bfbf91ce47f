import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';

/** Records that an article answered an order; a repeat for the same pair changes nothing. */
export async function recordArticleUsage(
  db: Executor,
  u: { articleId: string; articleVersion: number; orderId: string; by: string | null; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('knowledge_usages')
    .values({ article_id: u.articleId, article_version: u.articleVersion, order_id: u.orderId, used_by: u.by, at: u.at })
    .onConflict((oc) => oc.columns(['order_id', 'article_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('knowledge_articles')
    .set({ usage_count: sql`usage_count + 1`, last_used_at: u.at })
    .where('id', '=', u.articleId)
    .execute();
  return true;
}

export async function listArticleUsages(db: Executor, articleId: string, limit = 20) {
  return db
    .selectFrom('knowledge_usages')
    .innerJoin('orders', 'orders.id', 'knowledge_usages.order_id')
    .select(['knowledge_usages.at', 'knowledge_usages.article_version', 'orders.id as order_id', 'orders.order_no'])
    .where('knowledge_usages.article_id', '=', articleId)
    .orderBy('knowledge_usages.at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Per owning unit: articles owned, up to date (published, valid today, review not overdue),
 * expired, review overdue, drafts, and how often its articles answered orders.
 */
export async function unitUpkeep(db: Executor, centreId: string, today: string, ownerUnitPath: string | null) {
  let q = db
    .selectFrom('knowledge_articles as a')
    .innerJoin('units as u', 'u.id', 'a.owner_unit_id')
    .select([
      'u.id as unit_id',
      'u.name as unit_name',
      sql<number>`count(*)`.as('owned'),
      sql<number>`count(*) filter (where a.status = 'published' and (a.valid_to is null or a.valid_to >= ${today}::date) and (a.review_at is null or a.review_at >= ${today}::date))`.as(
        'up_to_date',
      ),
      sql<number>`count(*) filter (where a.status = 'expired' or (a.status = 'published' and a.valid_to < ${today}::date))`.as(
        'expired',
      ),
      sql<number>`count(*) filter (where a.status = 'published' and a.review_at < ${today}::date)`.as('review_overdue'),
      sql<number>`count(*) filter (where a.status = 'draft')`.as('drafts'),
      sql<number>`coalesce(sum(a.usage_count), 0)`.as('usages'),
    ])
    .where('a.centre_id', '=', centreId)
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name');
  if (ownerUnitPath) q = q.where(inSubtree('u.path', ownerUnitPath));
  const rows = await q.execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    owned: Number(r.owned),
    upToDate: Number(r.up_to_date),
    expired: Number(r.expired),
    reviewOverdue: Number(r.review_overdue),
    drafts: Number(r.drafts),
    usages: Number(r.usages),
  }));
}

/** Published articles whose validity ended before `today` (the expiry job marks them expired). */
export async function listLapsedArticles(db: Executor, today: string, limit: number) {
  return db
    .selectFrom('knowledge_articles')
    .select(['id', 'centre_id', 'version'])
    .where('status', '=', 'published')
    .where(sql<boolean>`valid_to < ${today}::date`)
    .orderBy('valid_to')
    .limit(limit)
    .execute();
}

/**
 * Published articles whose validity ends or review falls due between `today` and `until`, a page at
 * a time in id order (`afterId`: the last id of the previous page).
 */
export async function listArticlesDueSoon(db: Executor, today: string, until: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('knowledge_articles')
    .select(['id', 'centre_id', 'title', 'owner_unit_id', 'valid_to', 'review_at'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb.and([eb('valid_to', '>=', today), eb('valid_to', '<=', until)]),
        eb.and([eb('review_at', '>=', today), eb('review_at', '<=', until)]),
      ]),
    );
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
