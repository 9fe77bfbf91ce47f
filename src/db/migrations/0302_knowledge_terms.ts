import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Knowledge ranking by TF-IDF cosine over an inverted index of plain tables (ADR 0043): one row per
// (article, term) with its sublinear term frequency, the document frequency of every term per centre
// (kept up to date on every article write), and each article's vector length. Terms are jieba words
// and character bigrams, made in the application; the same on PostgreSQL and PGlite. Articles that
// existed before are indexed by `lianxin text reindex` / the hourly knowledge job (term_norm = 0).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table knowledge_article_terms (
  centre_id uuid not null,
  term text not null,
  article_id uuid not null references knowledge_articles(id) on delete cascade,
  tf real not null,
  primary key (centre_id, term, article_id)
);
create index knowledge_article_terms_article_idx on knowledge_article_terms (article_id);
create table knowledge_term_stats (
  centre_id uuid not null,
  term text not null,
  df int not null,
  primary key (centre_id, term)
);
alter table knowledge_articles add column term_norm float8 not null default 0;
`,
  );
}
