import { sql, type RawBuilder } from 'kysely';
import type { Db, Executor } from '../db/database.js';
import type { ArticleStatus } from './knowledge.table.js';

export interface ArticleSearch {
  centreId: string;
  /** Distinct terms of the query text (knowledge-terms.ts) and their sublinear frequencies. */
  terms: readonly string[];
  tf: readonly number[];
  /** 'answerable': published and valid on `today` (what intake may use); otherwise a status or all. */
  scope: { kind: 'answerable' | 'public'; today: string } | { kind: 'all'; status?: ArticleStatus };
  limit: number;
}

/**
 * Terms found in more than this share of the articles are left out of the query (their weight is
 * small, their posting lists long), but only once the collection is large: never below MIN_DF_CAP.
 * Measured on 2,816 real replies: recall@5 0.800 with the cut at 5 %, 0.801 without (ADR 0043).
 */
const MAX_DOC_SHARE = 0.05;
const MIN_DF_CAP = 50;
/** A long appeal is queried with its this-many heaviest terms (qtf · idf²); measured: no loss at 200. */
const MAX_QUERY_TERMS = 200;

/** TF-IDF weight of a term: the same expression in ranking and in the stored vector lengths. */
const idf = (n: RawBuilder<number>, df: RawBuilder<number>) => sql<number>`(ln((${n} + 1) / (${df} + 1)) + 1)`;

function eligible(s: ArticleSearch['scope']): RawBuilder<boolean> {
  if (s.kind !== 'all') {
    const onPortal = s.kind === 'public' ? sql`a.public and ` : sql``;
    return sql<boolean>`${onPortal}a.status = 'published' and (a.valid_from is null or a.valid_from <= ${s.today}::date) and (a.valid_to is null or a.valid_to >= ${s.today}::date)`;
  }
  return s.status ? sql<boolean>`a.status = ${s.status}` : sql<boolean>`true`;
}

/**
 * Cosine similarity of TF-IDF vectors (sublinear tf, idf = ln((N+1)/(df+1)) + 1) over the inverted
 * index in plain tables (ADR 0043): the query's terms look up their document frequency in
 * knowledge_term_stats, the heaviest MAX_QUERY_TERMS rare-enough ones walk their posting lists in
 * knowledge_article_terms (primary key (centre_id, term, article_id)), the dot products are summed per
 * article and divided by the article's stored vector length. Only the scored articles are joined to
 * knowledge_articles for the status/validity filter. Works identically on PostgreSQL and PGlite.
 */
export async function rankArticles(db: Executor, s: ArticleSearch): Promise<{ id: string; score: number }[]> {
  if (s.terms.length === 0) return [];
  const n = sql<number>`n.n`;
  const result = await sql<{ id: string; score: number }>`
    with n as materialized (
      select count(*)::float8 as n from knowledge_articles where centre_id = ${s.centreId}
    ),
    q as materialized (
      select st.term, t.qtf * power(${idf(n, sql`st.df`)}, 2) as w
      from unnest(${s.terms}::text[], ${s.tf}::float8[]) as t(term, qtf)
      join knowledge_term_stats st on st.centre_id = ${s.centreId} and st.term = t.term
      cross join n
      where st.df > 0 and st.df <= greatest(${MIN_DF_CAP}, n.n * ${MAX_DOC_SHARE})
      order by w desc
      limit ${MAX_QUERY_TERMS}
    ),
    scores as materialized (
      select p.article_id, sum(q.w * p.tf) as dot
      from q
      join knowledge_article_terms p on p.centre_id = ${s.centreId} and p.term = q.term
      group by p.article_id
    )
    select a.id, scores.dot / greatest(a.term_norm, 1e-9) as score
    from scores
    join knowledge_articles a on a.id = scores.article_id
    where ${eligible(s.scope)}
    order by score desc, a.id
    limit ${s.limit}
  `.execute(db);
  return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

const centreSize = (centreId: string) =>
  sql<number>`(select count(*)::float8 from knowledge_articles where centre_id = ${centreId})`;

/**
 * Replaces an article's terms (in the caller's transaction): the old rows are removed and their
 * document frequencies decremented, the new ones inserted and counted, and the article's vector
 * length is computed with today's statistics. One writer per centre at a time (advisory lock).
 */
export async function writeArticleTerms(
  db: Executor,
  a: { centreId: string; articleId: string; terms: readonly string[]; tf: readonly number[] },
): Promise<void> {
  // A centre's article saves take turns here (until their transactions end): each one decrements its
  // old terms and upserts its new ones, hundreds of shared statistics rows (common bigrams) that two
  // saves would otherwise lock crosswise — measured: 11 of 60 concurrent saves died in a deadlock.
  // Saves are human edits; waiting a few milliseconds for another is nothing.
  await sql`select pg_advisory_xact_lock(hashtext(${`knowledge-terms:${a.centreId}`}))`.execute(db);
  await sql`
    with old as (delete from knowledge_article_terms where article_id = ${a.articleId} returning centre_id, term)
    update knowledge_term_stats s set df = s.df - 1 from old where s.centre_id = old.centre_id and s.term = old.term
  `.execute(db);
  if (a.terms.length > 0) {
    await sql`
      insert into knowledge_term_stats (centre_id, term, df)
      select ${a.centreId}, t.term, 1 from unnest(${a.terms}::text[]) as t(term) order by t.term
      on conflict (centre_id, term) do update set df = knowledge_term_stats.df + 1
    `.execute(db);
    await sql`
      insert into knowledge_article_terms (centre_id, term, article_id, tf)
      select ${a.centreId}, t.term, ${a.articleId}, t.tf from unnest(${a.terms}::text[], ${a.tf}::float8[]) as t(term, tf)
    `.execute(db);
  }
  await sql`
    update knowledge_articles set term_norm = coalesce((
      select sqrt(sum(power(p.tf * ${idf(centreSize(a.centreId), sql`st.df`)}, 2)))
      from knowledge_article_terms p
      join knowledge_term_stats st on st.centre_id = p.centre_id and st.term = p.term
      where p.article_id = ${a.articleId}
    ), 1)
    where id = ${a.articleId}
  `.execute(db);
}

/**
 * Recomputes every article's vector length with the current document frequencies (they drift as
 * articles are added) and drops statistics rows no article uses any more. Run after a bulk load and
 * by the hourly knowledge job; a few seconds for tens of thousands of articles.
 */
export async function refreshTermNorms(db: Executor): Promise<void> {
  await sql`
    update knowledge_articles a set term_norm = x.norm
    from (
      select p.article_id, sqrt(sum(power(p.tf * ${idf(sql`n.n`, sql`st.df`)}, 2))) as norm
      from knowledge_article_terms p
      join knowledge_term_stats st on st.centre_id = p.centre_id and st.term = p.term
      join (select centre_id, count(*)::float8 as n from knowledge_articles group by centre_id) n on n.centre_id = p.centre_id
      group by p.article_id
    ) x
    where a.id = x.article_id and a.term_norm <> x.norm
  `.execute(db);
  await sql`delete from knowledge_term_stats where df <= 0`.execute(db);
}

/**
 * Removes dead row versions of the statistics (every article write updates a few hundred rows).
 * PostgreSQL's autovacuum does this too; PGlite has none, so the hourly knowledge job runs it.
 */
export async function vacuumTermStats(db: Db): Promise<void> {
  await sql`vacuum knowledge_term_stats`.execute(db);
}

/** Articles whose terms were never written (created before migration 0302), a batch at a time. */
/** Every article, a page at a time in id order (a full re-index after the dictionary changed). */
export async function listArticlesAfter(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom('knowledge_articles').select(['id', 'centre_id', 'title', 'body']);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export async function listUnindexedArticles(db: Executor, limit: number) {
  return db
    .selectFrom('knowledge_articles')
    .select(['id', 'centre_id', 'title', 'body'])
    .where('term_norm', '=', 0)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Rebuilds the document frequencies from the term rows into a fresh table file (TRUNCATE, so no dead
 * row versions stay behind: a bulk load upserts each common term's row once per article, and
 * with a long transaction elsewhere on the server, or on PGlite, which has no autovacuum, those
 * versions are never removed and every lookup walks them — measured 150 ms instead of 10 ms per
 * query after loading 2,816 articles). Takes an exclusive lock for the moment it runs: for bulk
 * loads and maintenance, not for the hourly job.
 */
export async function rebuildTermStats(db: Executor): Promise<void> {
  await sql`truncate knowledge_term_stats`.execute(db);
  await sql`
    insert into knowledge_term_stats (centre_id, term, df)
    select centre_id, term, count(*)::int from knowledge_article_terms group by centre_id, term
  `.execute(db);
}

/** After a bulk load: compact statistics, vector lengths, fresh planner statistics. */
export async function analyzeKnowledge(db: Db): Promise<void> {
  await db.transaction().execute((tx) => rebuildTermStats(tx));
  await refreshTermNorms(db);
  await sql`analyze knowledge_articles`.execute(db);
  await sql`analyze knowledge_article_terms`.execute(db);
  await sql`analyze knowledge_term_stats`.execute(db);
}
