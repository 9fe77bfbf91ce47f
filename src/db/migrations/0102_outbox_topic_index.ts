import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only. outbox_topic_idx (0100) cost every enqueue an index write and served no hot query;
// the deadline sweep bench showed it on the fan-out path, so it goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `drop index if exists outbox_topic_idx`);
}
