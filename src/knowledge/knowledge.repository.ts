import type { Executor } from '../db/database.js';
import type { ArticleStatus, KnowledgeArticle } from './knowledge.table.js';
import { inSubtree } from '../shared/subtree.js';

/** The editable content of an article (one version). */
export interface ArticleContent {
  title: string;
  body: string;
  categoryId: string | null;
  ownerUnitId: string;
  status: ArticleStatus;
  validFrom: string | null;
  validTo: string | null;
  reviewAt: string | null;
}

const columns = (c: ArticleContent) => ({
  title: c.title,
  body: c.body,
  category_id: c.categoryId,
  owner_unit_id: c.ownerUnitId,
  status: c.status,
  valid_from: c.validFrom,
  valid_to: c.validTo,
  review_at: c.reviewAt,
});

/** Article columns without the ranking's vector length (never needed outside SQL). */
export const ARTICLE_COLUMNS = [
  'id',
  'centre_id',
  'title',
  'body',
  'category_id',
  'owner_unit_id',
  'status',
  'valid_from',
  'valid_to',
  'review_at',
  'version',
  'usage_count',
  'last_used_at',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'public',
  'public_views',
] as const;
export type ArticleRow = Omit<KnowledgeArticle, 'term_norm'>;

export async function insertArticle(
  db: Executor,
  a: { centreId: string; content: ArticleContent; by: string | null; at: Date },
): Promise<ArticleRow> {
  return db
    .insertInto('knowledge_articles')
    .values({
      centre_id: a.centreId,
      ...columns(a.content),
      created_by: a.by,
      created_at: a.at,
      updated_by: a.by,
      updated_at: a.at,
    })
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Conditional update: no row back means someone else saved a newer version first. */
export async function updateArticleIfVersion(
  db: Executor,
  a: { id: string; expectedVersion: number; content: ArticleContent; by: string | null; at: Date },
): Promise<ArticleRow | undefined> {
  return db
    .updateTable('knowledge_articles')
    .set({
      ...columns(a.content),
      version: a.expectedVersion + 1,
      updated_by: a.by,
      updated_at: a.at,
    })
    .where('id', '=', a.id)
    .where('version', '=', a.expectedVersion)
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirst();
}

export async function insertArticleVersion(db: Executor, row: ArticleRow, by: string | null, note: string | null) {
  await db
    .insertInto('knowledge_article_versions')
    .values({
      article_id: row.id,
      version: row.version,
      title: row.title,
      body: row.body,
      category_id: row.category_id,
      owner_unit_id: row.owner_unit_id,
      status: row.status,
      valid_from: row.valid_from,
      valid_to: row.valid_to,
      review_at: row.review_at,
      edited_by: by,
      edited_at: row.updated_at,
      note,
    })
    .execute();
}

export async function findArticle(db: Executor, centreId: string, id: string): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('knowledge_articles')
    .select(ARTICLE_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findArticlesByIds(db: Executor, centreId: string, ids: readonly string[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('knowledge_articles')
    .select(ARTICLE_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('id', 'in', ids)
    .execute();
}

export async function listArticleVersions(db: Executor, articleId: string) {
  return db
    .selectFrom('knowledge_article_versions')
    .leftJoin('users', 'users.id', 'knowledge_article_versions.edited_by')
    .selectAll('knowledge_article_versions')
    .select('users.display_name as editor_name')
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
}

export interface ArticleListFilter {
  status?: ArticleStatus;
  ownerUnitPath?: string;
  categoryId?: string;
  limit: number;
  offset: number;
}

export async function listArticles(db: Executor, centreId: string, f: ArticleListFilter) {
  let q = db.selectFrom('knowledge_articles').select(ARTICLE_COLUMNS).where('centre_id', '=', centreId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  const ownerUnitPath = f.ownerUnitPath;
  if (ownerUnitPath) {
    q = q.where('owner_unit_id', 'in', (eb) =>
      eb.selectFrom('units').select('units.id').where(inSubtree('units.path', ownerUnitPath)),
    );
  }
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

/** Marks an article for the portal's public knowledge base or takes it off (no new version: not content). */
export async function setArticlePublic(db: Executor, centreId: string, id: string, flag: boolean, at: Date) {
  return db
    .updateTable('knowledge_articles')
    .set({ public: flag, updated_at: at })
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirst();
}

/** One more view of the article's portal page, when it is public; the row as it is then (undefined: not public). */
export async function countPublicView(db: Executor, centreId: string, id: string) {
  return db
    .updateTable('knowledge_articles')
    .set((eb) => ({ public_views: eb('public_views', '+', 1) }))
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .where('public', '=', true)
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirst();
}

/** The most-read public articles (the portal's knowledge page before a search). */
export function listPopularPublic(db: Executor, centreId: string, limit: number) {
  return db
    .selectFrom('knowledge_articles')
    .select(ARTICLE_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('public', '=', true)
    .where('status', '=', 'published')
    .orderBy('public_views', 'desc')
    .orderBy('title')
    .limit(limit)
    .execute();
}
