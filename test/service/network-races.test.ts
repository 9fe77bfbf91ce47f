import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { addSubCentres, type SubCentreWorld } from '../helpers/sub-centres.js';
import { act, newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// Two users at once on the network of issue 14 (ADRs 0152, 0153). Concurrent transactions need
// several connections: the races run on PostgreSQL only (the embedded database has one).
const server = process.env.TEST_DATABASE_URL;
const { w } = useWorld();
let s: SubCentreWorld;
beforeAll(async () => {
  s = await addSubCentres(w);
});

const inHours = (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000).toISOString();
const settled = (results: PromiseSettledResult<Order>[]) => ({
  won: results.filter((r): r is PromiseFulfilledResult<Order> => r.status === 'fulfilled'),
  lost: results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => (r.reason as { code?: string }).code),
});

/** An order forwarded by county A to its department A1, which has signed for it. */
async function handledByDepartment(): Promise<Order> {
  let o = await newOrder(w);
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.countyA.id });
  o = await act(w, w.actors.unit_admin, o, 'sign', {});
  o = await act(w, w.actors.unit_admin, o, 'forward', {
    toUnitId: w.units.deptA1.id,
    instructions: '请核查',
    deadline: inHours(w.clock.now(), 48),
  });
  return act(w, w.actors.unit_handler, o, 'hop_sign', {});
}

const hopClocks = async (orderId: string) =>
  w.deps.db
    .selectFrom('order_deadlines')
    .select(['stage', 'status'])
    .where('order_id', '=', orderId)
    .where('task_id', 'is not', null)
    .orderBy('started_at')
    .orderBy('stage')
    .execute();

describe('the network under concurrency', () => {
  it.skipIf(!server)('a hop’s reply and its return by two users: one wins, and the hop’s clocks follow the winner', async () => {
    for (let race = 0; race < 5; race++) {
      const o = await handledByDepartment();
      const { won, lost } = settled(
        await Promise.allSettled([
          act(w, w.actors.unit_handler, o, 'hop_reply', { result: 'resolved', text: '已修复' }),
          act(w, w.actors.unit_handler, o, 'hop_return', { reason: '不属于本单位职责' }),
        ]),
      );
      expect(won).toHaveLength(1);
      expect(lost).toEqual(['CONFLICT']);
      const hop = await w.deps.db.selectFrom('order_hops').select('state').where('order_id', '=', o.id).executeTakeFirstOrThrow();
      const replyClock = (await hopClocks(o.id)).filter((d) => d.stage === 'hop_reply').map((d) => d.status);
      expect(replyClock).toEqual([hop.state === 'replied' ? 'met' : 'cancelled']);
    }
  });

  it.skipIf(!server)('a sub-centre’s dispatch and the league’s route across at once: exactly one wins', async () => {
    for (let race = 0; race < 5; race++) {
      const o = await newOrder(w, { regionId: w.regionId });
      expect(o.desk_unit_id).toBe(s.deskA.id);
      const { won, lost } = settled(
        await Promise.allSettled([
          act(w, s.people.dispatcherA.actor, o, 'dispatch', { leadUnitId: w.units.deptA1.id }),
          act(w, w.actors.dispatcher, o, 'route_to_desk', { deskUnitId: s.deskB.id }),
        ]),
      );
      expect(won).toHaveLength(1);
      expect(lost).toEqual(['CONFLICT']);
      const after = won[0]!.value;
      // Either dispatched inside desk A's banner, or moved to desk B still waiting: never both.
      expect([
        JSON.stringify(['handling', s.deskA.id]),
        JSON.stringify(['dispatched', s.deskA.id]),
        JSON.stringify(['accepted', s.deskB.id]),
      ]).toContain(JSON.stringify([after.state, after.desk_unit_id]));
      expect(after.lead_unit_id).toBe(after.state === 'accepted' ? null : w.units.deptA1.id);
    }
  });

  it('refuses outside the area on one connection too (the rule does not depend on the race)', async () => {
    const o = await newOrder(w, { regionId: w.regionId });
    await expect(act(w, s.people.dispatcherA.actor, o, 'dispatch', { leadUnitId: w.units.deptB1.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
