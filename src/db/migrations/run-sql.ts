import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration script statement by statement (PGlite's extended protocol takes one statement
 * per query). Statements are separated by a line that ends with `;`; do not use `$$` bodies.
 */
export async function runSql(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?)+$/.test(s));
  for (const statement of statements) await sql.raw(statement).execute(db);
}
