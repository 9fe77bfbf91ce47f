import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { act, newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';
import { getForwardChain } from '../../src/forwarding/forward-chain.service.js';

// Two users at once on a forwarded order: the department forwards down while the county, above it,
// returns the department's hop (退回上一级). The order's version is the guard: exactly one wins.
// Concurrent transactions need several connections: PostgreSQL only (the embedded database has one).
const server = process.env.TEST_DATABASE_URL;
const { w } = useWorld();

const inHours = (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000).toISOString();

/** An order forwarded by county A to its department A1, which has signed for it. */
async function forwardedToDepartment(): Promise<Order> {
  let o = await newOrder(w);
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.countyA.id });
  o = await act(w, w.actors.unit_admin, o, 'sign', {});
  const now = w.clock.now();
  o = await act(w, w.actors.unit_admin, o, 'forward', {
    toUnitId: w.units.deptA1.id,
    instructions: '请核查',
    deadline: inHours(now, 48),
  });
  return act(w, w.actors.unit_handler, o, 'hop_sign', {});
}

describe('forwarding under concurrency', () => {
  it('takes a forward on one connection', async () => {
    const o = await forwardedToDepartment();
    const after = await act(w, w.actors.unit_handler, o, 'forward', {
      toUnitId: w.units.townA2.id,
      instructions: '请到现场',
      deadline: inHours(w.clock.now(), 24),
    });
    expect(after.version).toBe(o.version + 1);
  });

  it.skipIf(!server)('lets exactly one of a forward and a return win, race after race', async () => {
    for (let race = 0; race < 6; race++) {
      const o = await forwardedToDepartment();
      const results = await Promise.allSettled([
        act(w, w.actors.unit_handler, o, 'forward', {
          toUnitId: w.units.townA2.id,
          instructions: '请到现场',
          deadline: inHours(w.clock.now(), 24),
        }),
        act(w, w.actors.unit_admin, o, 'hop_return', { reason: '县里收回自办' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(['CONFLICT']);
      const chain = await getForwardChain(w.deps, w.actors.dispatcher, o.id);
      const states = chain.hops.map((h) => h.state);
      // Either the department forwarded (its hop handling, the town's pending) or it was returned (nothing below).
      expect([JSON.stringify(['handling', 'pending']), JSON.stringify(['returned'])]).toContain(JSON.stringify(states));
    }
  });
});
