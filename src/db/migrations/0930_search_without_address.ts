import type { Kysely } from 'kysely';
import { reindexAllOrdersIn } from '../../search/search-reindex.service.js';
import { systemClock } from '../../shared/clock.js';
import type { Executor } from '../database.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (ADR 0200): an order's search vector no longer holds the words of the caller's address
// (personal data, sealed at rest). Every order's vector is rebuilt from its title and content alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await reindexAllOrdersIn(db as unknown as Executor, systemClock);
}
