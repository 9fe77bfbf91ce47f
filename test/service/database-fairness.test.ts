import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/use-world.js';

const database = useTestDatabase();

describe('a long run of queries does not starve the event loop', () => {
  // The embedded database settles its promises as microtasks; without a yield per acquisition a
  // loop of queries (demo history, a worker job) kept HTTP requests waiting until it finished.
  it('lets timers and I/O callbacks run between queries', async () => {
    let callbackRanAfterQuery = -1;
    let done = 0;
    setImmediate(() => (callbackRanAfterQuery = done));
    for (let i = 0; i < 200; i++) {
      await sql`select ${i}::int as n`.execute(database.db);
      done += 1;
    }
    expect(callbackRanAfterQuery).toBeGreaterThanOrEqual(0);
    expect(callbackRanAfterQuery).toBeLessThan(200);
  });
});
