import type { Database } from '../../src/db/database.js';
import { openScratchDatabase } from '../../src/db/scratch-database.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (set by `npm test` when DATABASE_URL is set).
 */
export function createTestDatabase(): Promise<Database & { label: string }> {
  return openScratchDatabase(process.env.TEST_DATABASE_URL, 'lianxin_test');
}
