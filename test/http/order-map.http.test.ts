import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderMapAnswer } from '../../src/contract/map.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { addSubCentres, signInAs, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// GET /api/orders/map (issue 18, ADR 0187) on both databases: the reader's visibility (a unit its
// subtree's orders, a sub-centre its desk's), the box and the states, the cap with the count of the
// rest and the density bins, a confidential order's point without its title or caller, 400 naming the field.
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let dispatcher: Client;
let handlerB: Client;
let s: SubCentreWorld;

const BOX = '116.0,43.9,116.2,44.0';
const map = async (c: Client, query: string) => {
  const r = await c.get(`/api/orders/map?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as OrderMapAnswer;
};
const at = (lng: number, lat: number) => ({ lng, lat });

beforeAll(async () => {
  s = await addSubCentres(w);
  dispatcher = await asUser(app, w, 'dispatcher');
  handlerB = await asUser(app, w, 'handlerB');
  // Five orders in the box (A旗 → desk A), one dispatched to B旗住建局, one confidential, one outside the box, one in B旗's region.
  // A second apart, so "newest first" has one answer.
  const order = async (input: Parameters<typeof newOrder>[1]) => {
    w.clock.advance(1000);
    return newOrder(w, input);
  };
  for (let i = 0; i < 4; i++) await order({ ...at(116.05 + i * 0.01, 43.95), title: `路灯不亮 ${i}` });
  const toB = await order({ ...at(116.15, 43.98), title: '供暖不热（B）' });
  await act(w, w.actors.dispatcher, toB, 'dispatch', { leadUnitId: w.units.deptB1.id });
  await order({ ...at(116.12, 43.91), title: '张三家门口漏水', callerConfidential: true });
  await order({ ...at(117.5, 43.95), title: '框外' });
  await order({ ...at(116.16, 43.96), regionId: s.regionB, title: 'B旗的诉求' });
  w.clock.advance(60_000);
});

describe('GET /api/orders/map', () => {
  it('the centre sees every order with a point in the box, newest first, never a caller', async () => {
    const m = await map(dispatcher, `bbox=${BOX}`);
    expect(m.total).toBe(7);
    expect(m.more).toBe(0);
    expect(m.points.map((p) => p.title)).toEqual([
      'B旗的诉求',
      null,
      '供暖不热（B）',
      '路灯不亮 3',
      '路灯不亮 2',
      '路灯不亮 1',
      '路灯不亮 0',
    ]);
    const secret = m.points.find((p) => p.confidential)!;
    expect(secret).toMatchObject({ title: null, lat: 43.91, lng: 116.12, state: 'accepted' });
    // No caller data anywhere in the answer.
    expect(JSON.stringify(m)).not.toMatch(/张三|138\d{8}|callerName|callerPhone|address/);
    expect(m.bins.reduce((n, b) => n + b.count, 0)).toBe(7);
    expect(m.bins.every((b) => b.x >= 0 && b.x < m.binsPerSide && b.y >= 0 && b.y < m.binsPerSide)).toBe(true);
  });

  it('a unit sees only the orders sent into its subtree; a sub-centre only its desk', async () => {
    expect((await map(handlerB, `bbox=${BOX}`)).points.map((p) => p.title)).toEqual(['供暖不热（B）']);
    const deskB = await signInAs(app, s.people.dispatcherB.username);
    expect((await map(deskB, `bbox=${BOX}`)).points.map((p) => p.title)).toEqual(['B旗的诉求']);
    const deskA = await signInAs(app, s.people.dispatcherA.username);
    expect((await map(deskA, `bbox=${BOX}`)).total).toBe(6);
  });

  it('filters by state and by the day accepted; counts regions when asked', async () => {
    const dispatched = await map(dispatcher, `bbox=${BOX}&state=dispatched`);
    expect(dispatched.points.map((p) => p.title)).toEqual(['供暖不热（B）']);
    expect((await map(dispatcher, `bbox=${BOX}&state=closed`)).total).toBe(0);
    expect((await map(dispatcher, `bbox=${BOX}&since=2030-01-01T00:00:00Z`)).total).toBe(0);
    const counted = await map(dispatcher, `bbox=${BOX}&regionCounts=true`);
    expect(Object.fromEntries(counted.regionCounts!.map((r) => [r.regionId, r.count]))).toEqual({
      [w.regionId]: 6,
      [s.regionB]: 1,
    });
    expect((await map(dispatcher, `bbox=${BOX}`)).regionCounts).toBeNull();
  });

  it('caps the points and says how many more there are', async () => {
    const m = await map(dispatcher, `bbox=${BOX}&limit=2`);
    expect(m.points).toHaveLength(2);
    expect(m).toMatchObject({ total: 7, more: 5 });
    // A capped answer counts its cells in SQL, an uncapped one from its points: the same cells.
    const cells = (a: OrderMapAnswer) => a.bins.map((b) => `${b.x},${b.y}:${b.count}`).sort();
    const capped = await map(dispatcher, `bbox=${BOX}&limit=7`);
    expect(capped.more).toBe(0);
    expect(cells(capped)).toEqual(cells(await map(dispatcher, `bbox=${BOX}`)));
    expect(cells(capped)).toHaveLength(7);
  });

  it('a bad box or state is 400 naming the field; the auditor is refused', async () => {
    for (const bbox of ['116,43.9,116.2', '116,43.9,abc,44', '116.2,43.9,116.0,44', '116,43.9,181,44', '', '1,2,3,']) {
      const r = await dispatcher.get(`/api/orders/map?bbox=${encodeURIComponent(bbox)}`);
      expect(r.statusCode, bbox).toBe(400);
      expect(r.json().error.field, bbox).toBe('bbox');
    }
    const noBox = await dispatcher.get('/api/orders/map');
    expect(noBox.statusCode).toBe(400);
    expect(noBox.body).toContain('bbox');
    const badState = await dispatcher.get(`/api/orders/map?bbox=${BOX}&state=handling,flying`);
    expect(badState.statusCode).toBe(400);
    expect(badState.json().error.field).toBe('state');
    const badLimit = await dispatcher.get(`/api/orders/map?bbox=${BOX}&limit=5001`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.body).toContain('limit');
    const auditor = await asUser(app, w, 'auditor');
    expect((await auditor.get(`/api/orders/map?bbox=${BOX}`)).statusCode).toBe(403);
  });
});
