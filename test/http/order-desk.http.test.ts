import { describe, expect, it } from 'vitest';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { twoWorkersTick, workerDeps } from '../helpers/worker.js';
import { useApp } from '../helpers/use-world.js';
import { ROLES } from '../../src/contract/vocabulary.js';
import { LEADER_FOLLOWUP_READERS } from '../../src/contract/supervision.js';

const { w, app } = useApp();
// A fresh session per call: the tests move the clock by days, past a session's length.
const client = (who: keyof World['usernames']): Promise<Client> => asUser(app, w, who);

const supervisionsOf = async (orderId: string) =>
  (await (await client('supervisor')).get(`/api/supervisions?orderId=${orderId}`)).json().items as {
    reason: string;
    unit_name: string | null;
  }[];

describe('督办看板 over HTTP', () => {
  it('refuses a 督办单 on an order no unit handles yet, with a message that says why', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    const o = await newOrder(w);
    const res = await (await client('supervisor')).post(`/api/orders/${o.id}/supervisions`, { reason: '群众反映强烈' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('派单');
    expect(await supervisionsOf(o.id)).toEqual([]);
  });

  it('issues one automatic 督办单 for one lateness, its reason in words and its unit named', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Monday 10:00: dispatched, never signed nor contacted
    let o = await newOrder(w, { appealType: 'help', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const wd = workerDeps(w.deps);
    w.clock.set('2025-03-06T10:00:00Z'); // Thursday 18:00: sign and contact both a day past their limit
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    const sups = await supervisionsOf(o.id);
    expect(sups.length).toBe(1);
    expect(sups[0].reason).toBe('签收超时'); // the stage the order is stuck at, not the later contact clock
    expect(sups[0].unit_name).toBe('A旗住建局');
  });

  it('answers the 领导盯办 list to exactly the roles the contract declares as its readers', async () => {
    for (const role of ROLES) {
      const res = await (await client(role)).get('/api/leader-followups');
      expect(`${role}:${res.statusCode}`).toBe(`${role}:${LEADER_FOLLOWUP_READERS.includes(role) ? 200 : 403}`);
    }
  });
});

describe('the order page over HTTP', () => {
  it('names the assisting units on the dispatch event and stores blank optional texts as null', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    const o = await newOrder(w);
    const res = await (
      await client('dispatcher')
    ).post(`/api/orders/${o.id}/actions/dispatch`, {
      version: o.version,
      note: '   ',
      leadUnitId: w.units.deptA1.id,
      assistUnitIds: [w.units.company.id],
      instructions: ' \n ',
    });
    expect(res.statusCode).toBe(200);
    const events = (await (await client('dispatcher')).get(`/api/orders/${o.id}/timeline`)).json().events;
    const dispatch = events.find((e: { action: string }) => e.action === 'dispatch');
    expect(dispatch.note).toBeNull();
    expect(dispatch.payload.instructions).toBeNull();
    expect(dispatch.payload.assistUnitNames).toEqual([w.units.company.name]);
  });
});
