import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import { single } from '../text/tsquery.js';
import type { ArticleStatus } from './knowledge.table.js';

export interface ArticleSearch {
  centreId: string;
  /** Distinct lexemes of the query text. */
  lexemes: readonly string[];
  /** 'answerable': published and valid on `today` (what intake may use); otherwise a status or all. */
  scope: { kind: 'answerable'; today: string } | { kind: 'all'; status?: ArticleStatus };
  limit: number;
}

/** Words found in more than this share of the articles carry almost no weight and are skipped. */
const MAX_DOC_SHARE = 0.3;
/** A query word found in the title counts this much more than one found only in the body. */
const TITLE_BOOST = 1.5;

function eligible(s: ArticleSearch['scope']): RawBuilder<boolean> {
  if (s.kind === 'answerable') {
    return sql<boolean>`a.status = 'published' and (a.valid_from is null or a.valid_from <= ${s.today}::date) and (a.valid_to is null or a.valid_to >= ${s.today}::date)`;
  }
  return s.status ? sql<boolean>`a.status = ${s.status}` : sql<boolean>`true`;
}

/**
 * BM25-style ranking in SQL over the GIN index: each query word weighs its inverse document
 * frequency among the eligible articles, 1.5× when in the title, and the sum is normalised by
 * article length. ts_rank alone has no IDF: in long texts every article shares the common words,
 * so IDF is what brings the right reply first (ADR 0041). Steps, each MATERIALIZED so it runs once:
 * document frequency per word (GIN bitmap counts, no vector is read), words kept unless too common,
 * the (article, word) matches of the kept words, then the sum per article. Lengths and title words
 * come from small columns, never from the long TOASTed vector.
 */
export async function rankArticles(db: Executor, s: ArticleSearch): Promise<{ id: string; score: number }[]> {
  if (s.lexemes.length === 0) return [];
  const terms = s.lexemes.map((l) => single(l));
  const where = eligible(s.scope);
  const result = await sql<{ id: string; score: number }>`
    with stats as materialized (
      select count(*)::float8 as n_docs, greatest(coalesce(avg(a.search_length), 1), 1)::float8 as avg_len
      from knowledge_articles a where a.centre_id = ${s.centreId} and ${where}
    ),
    terms as materialized (select distinct t.q::tsquery as q from unnest(${terms}::text[]) as t(q)),
    df as materialized (
      select terms.q, count(a.id)::float8 as n
      from terms
      join knowledge_articles a on a.search_vector @@ terms.q
      where a.centre_id = ${s.centreId} and ${where}
      group by terms.q
    ),
    kept as materialized (
      select df.q, ln(1 + (stats.n_docs - df.n + 0.5) / (df.n + 0.5)) as idf
      from df, stats
      where df.n > 0 and df.n <= greatest(2, stats.n_docs * ${MAX_DOC_SHARE})
    ),
    matches as materialized (
      select a.id, a.search_length, kept.idf * (case when a.title_vector @@ kept.q then ${TITLE_BOOST}::float8 else 1 end) as w
      from kept
      join knowledge_articles a on a.search_vector @@ kept.q
      where a.centre_id = ${s.centreId} and ${where}
    )
    select m.id, sum(m.w) / (0.25 + 0.75 * max(m.search_length) / max(stats.avg_len)) as score
    from matches m cross join stats
    group by m.id
    order by score desc, m.id
    limit ${s.limit}
  `.execute(db);
  return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/** Fresh planner statistics after a bulk load (autovacuum does this in normal operation). */
export async function analyzeKnowledge(db: Executor): Promise<void> {
  await sql`analyze knowledge_articles`.execute(db);
}
