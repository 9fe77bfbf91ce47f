import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Knowledge ranking without reading the (TOASTed) full vectors: the number of lexemes and the title's
// lexemes are kept in small columns next to the vector (ADR 0041).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table knowledge_articles add column search_length int not null default 0;
alter table knowledge_articles add column title_vector tsvector not null default ''::tsvector;
update knowledge_articles set search_length = length(search_vector), title_vector = ts_filter(search_vector, '{a}')
`,
  );
}
