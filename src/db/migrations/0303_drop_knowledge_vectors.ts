import { sql, type Kysely } from 'kysely';

// Forward-only. The knowledge ranking reads the term index of 0302 (ADR 0043); the tsvector columns
// of 0300/0301 were still written on every article save (a segmentation and two to_tsvector calls)
// and nothing read them. Dropping a column drops its GIN index with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table knowledge_articles
  drop column if exists search_vector,
  drop column if exists search_length,
  drop column if exists title_vector
`,
    )
    .execute(db);
}
