import type { Deps } from '../shared/deps.js';
import { listOrderTextAfter } from './search.repository.js';
import { indexOrderText } from './search.service.js';

const BATCH = 500;

/** Re-segments every order (e.g. after new unit or place names entered the dictionary), batch by batch. */
export async function reindexAllOrders(deps: Deps): Promise<{ orders: number }> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const batch = await listOrderTextAfter(deps.db, after, BATCH);
    if (batch.length === 0) break;
    await deps.db.transaction().execute(async (tx) => {
      for (const order of batch) await indexOrderText(tx, deps.clock, order);
    });
    count += batch.length;
    after = batch[batch.length - 1]!.id;
  }
  return { orders: count };
}
