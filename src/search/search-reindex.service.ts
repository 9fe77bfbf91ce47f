import type { Executor } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { listOrderTextAfter } from './search.repository.js';
import { indexOrderText } from './search.service.js';

const BATCH = 500;

/**
 * Re-segments every order, batch by batch, each batch through `inBatch` (a transaction of its own, or
 * the caller's: a migration runs in one).
 */
async function reindexEach(
  db: Executor,
  clock: Clock,
  inBatch: (work: (tx: Executor) => Promise<void>) => Promise<void>,
): Promise<{ orders: number }> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const batch = await listOrderTextAfter(db, after, BATCH);
    if (batch.length === 0) break;
    await inBatch(async (tx) => {
      for (const order of batch) await indexOrderText(tx, clock, order);
    });
    count += batch.length;
    after = batch[batch.length - 1]!.id;
  }
  return { orders: count };
}

/** Re-segments every order (e.g. after new unit or place names entered the dictionary), a transaction per batch. */
export function reindexAllOrders(deps: Deps): Promise<{ orders: number }> {
  return reindexEach(deps.db, deps.clock, (work) => deps.db.transaction().execute(work));
}

/** The same inside the caller's transaction (a migration: migration 0930 rebuilds every order's vector). */
export function reindexAllOrdersIn(tx: Executor, clock: Clock): Promise<{ orders: number }> {
  return reindexEach(tx, clock, (work) => work(tx));
}
