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
 * frequency among the eligible articles (counted with the index), doubled-ish when in the title,
 * and the sum is normalised by article length. ts_rank alone has no IDF: in long texts every
 * article shares the common words, so IDF is what makes the right reply come first (ADR 0041).
 */
export async function rankArticles(db: Executor, s: ArticleSearch): Promise<{ id: string; score: number }[]> {
  if (s.lexemes.length === 0) return [];
  const terms = s.lexemes.map((l) => single(l));
  const titleTerms = s.lexemes.map((l) => single(l, 'A'));
  const where = eligible(s.scope);
  const result = await sql<{ id: string; score: number }>`
    with stats as (
      select count(*)::float8 as n_docs, coalesce(avg(length(a.search_vector)), 1)::float8 as avg_len
      from knowledge_articles a where a.centre_id = ${s.centreId} and ${where}
    ),
    terms as (
      select t.q::tsquery as q, t.qa::tsquery as qa
      from unnest(${terms}::text[], ${titleTerms}::text[]) as t(q, qa)
    ),
    df as (
      select terms.q, terms.qa,
        (select count(*) from knowledge_articles a
          where a.centre_id = ${s.centreId} and ${where} and a.search_vector @@ terms.q)::float8 as n
      from terms
    ),
    weighted as (
      select df.q, df.qa, ln(1 + (stats.n_docs - df.n + 0.5) / (df.n + 0.5)) as idf
      from df, stats
      where df.n > 0 and df.n <= greatest(2, stats.n_docs * ${MAX_DOC_SHARE})
    )
    select a.id,
      sum(w.idf * (case when a.search_vector @@ w.qa then ${TITLE_BOOST}::float8 else 1 end))
        / (0.25 + 0.75 * length(a.search_vector) / max(stats.avg_len)) as score
    from weighted w
    join knowledge_articles a on a.search_vector @@ w.q
    cross join stats
    where a.centre_id = ${s.centreId} and ${where}
    group by a.id
    order by score desc, a.id
    limit ${s.limit}
  `.execute(db);
  return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}
