import pg from 'pg';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { openScratchDatabase } from '../../src/db/scratch-database.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (set by `npm test` when DATABASE_URL is set).
 */
export function createTestDatabase(): Promise<Database & { label: string }> {
  return openScratchDatabase(process.env.TEST_DATABASE_URL, 'lianxin_test');
}

/**
 * One more connection to the test database (PostgreSQL only), for tests of concurrent writers;
 * undefined on the embedded database, which has a single connection.
 */
export async function extraConnection(database: Database): Promise<pg.Client | undefined> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return undefined;
  const { rows } = await sql<{ d: string }>`select current_database() as d`.execute(database.db);
  const url = new URL(server);
  url.pathname = `/${rows[0]!.d}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}
