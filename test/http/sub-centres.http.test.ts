import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { addSubCentres, signInAs, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// Sub-centres (分中心, ADR 0110): intake routes by region, each sub-centre's staff see and act on their
// desk's orders only (404 on another's), the league centre sees all, hand-up and route move orders.
const { w, app } = useApp();
let s: SubCentreWorld;
const c = {} as Record<'operator' | 'league' | 'leagueSupervisor' | 'dispA' | 'supA' | 'dispB', Client>;
const orders = {} as Record<'inA' | 'inTownOfB' | 'noRegion', { id: string; orderNo: string; version: number }>;

const appeal = (regionId: string | undefined, title: string) => ({
  channel: 'phone',
  appealType: 'complaint',
  priority: 3,
  title,
  content: `${title}，已经一个月了，请尽快处理。`,
  callerName: '王五',
  callerPhone: '13812345678',
  categoryId: w.categoryId,
  ...(regionId ? { regionId } : {}),
});

async function accept(client: Client, regionId: string | undefined, title: string) {
  const res = await client.post('/api/orders', appeal(regionId, title));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNo: string; version: number; deskUnitId: string | null };
}

const listed = async (client: Client, query = '') => {
  const res = await client.get(`/api/orders?limit=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string; deskUnitId: string | null }[] }).items.map((o) => o.id);
};

const act = (client: Client, id: string, action: string, body: Record<string, unknown>) =>
  client.post(`/api/orders/${id}/actions/${action.replace(/_/g, '-')}`, body);

const version = async (id: string) =>
  ((await c.league.get(`/api/orders/${id}`)).json() as { order: { version: number } }).order.version;

beforeAll(async () => {
  s = await addSubCentres(w);
  c.operator = await asUser(app, w, 'operator');
  c.league = await asUser(app, w, 'dispatcher');
  c.leagueSupervisor = await asUser(app, w, 'supervisor');
  c.dispA = await signInAs(app, s.people.dispatcherA.username);
  c.supA = await signInAs(app, s.people.supervisorA.username);
  c.dispB = await signInAs(app, s.people.dispatcherB.username);
  orders.inA = await accept(c.operator, w.regionId, '锅炉房噪音扰民');
  orders.inTownOfB = await accept(c.operator, s.townOfB, '乙旗某镇供水停了');
  orders.noRegion = await accept(c.operator, undefined, '全盟政策咨询');
});

describe('routing at intake', () => {
  it('gives an order to the sub-centre owning its region (a town below it too), else to the league', async () => {
    const desk = async (id: string) =>
      ((await c.league.get(`/api/orders/${id}`)).json() as { order: { deskUnitId: string | null } }).order.deskUnitId;
    expect(await desk(orders.inA.id)).toBe(s.deskA.id);
    expect(await desk(orders.inTownOfB.id)).toBe(s.deskB.id);
    expect(await desk(orders.noRegion.id)).toBeNull();
  });

  it('names the desk on the order page', async () => {
    const detail = (await c.dispA.get(`/api/orders/${orders.inA.id}`)).json() as {
      deskUnitName: string | null;
      availableActions: string[];
    };
    expect(detail.deskUnitName).toBe('A旗12345分中心');
    expect(detail.availableActions).toEqual(expect.arrayContaining(['dispatch', 'hand_up']));
    expect(detail.availableActions).not.toContain('route_to_desk');
  });
});

describe('visibility by desk', () => {
  it('lists only the desk’s orders for a sub-centre; the league sees all', async () => {
    expect(await listed(c.dispA)).toEqual([orders.inA.id]);
    expect(await listed(c.supA)).toEqual([orders.inA.id]);
    expect(await listed(c.dispB)).toEqual([orders.inTownOfB.id]);
    expect(await listed(c.league)).toEqual(expect.arrayContaining([orders.inA.id, orders.inTownOfB.id, orders.noRegion.id]));
  });

  it('answers 404 for another region’s order: detail, timeline, actions, duplicates', async () => {
    for (const url of [
      `/api/orders/${orders.inTownOfB.id}`,
      `/api/orders/${orders.inTownOfB.id}/timeline`,
      `/api/orders/${orders.inTownOfB.orderNo}`,
    ]) {
      expect((await c.dispA.get(url)).statusCode, url).toBe(404);
    }
    expect((await c.dispA.get(`/api/orders/${orders.noRegion.id}`)).statusCode).toBe(404);
    const dispatch = await act(c.dispA, orders.inTownOfB.id, 'dispatch', { version: 1, leadUnitId: w.units.deptB1.id });
    expect(dispatch.statusCode).toBe(404);
    expect((await c.dispA.get(`/api/orders/${orders.inTownOfB.id}/duplicates`)).statusCode).toBe(404);
  });

  it('narrows search and the CSV export to the desk', async () => {
    const search = await c.dispA.get(`/api/search/orders?q=${encodeURIComponent('锅炉房')}`);
    expect(search.statusCode, search.body).toBe(200);
    const hits = (search.json() as { items: { id: string }[] }).items.map((h) => h.id);
    expect(hits).toEqual([orders.inA.id]);
    const other = await c.dispA.get(`/api/search/orders?q=${encodeURIComponent('供水')}`);
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
    const leagueHits = await c.league.get(`/api/search/orders?q=${encodeURIComponent('供水')}`);
    expect((leagueHits.json() as { items: { id: string }[] }).items.map((h) => h.id)).toEqual([orders.inTownOfB.id]);
    const csv = await c.supA.get('/api/orders/export.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(orders.inA.orderNo);
    expect(csv.body).not.toContain(orders.inTownOfB.orderNo);
  });
});

describe('acting at a sub-centre', () => {
  it('dispatches its own order; the unit signs and replies; its supervisor reviews, another desk cannot', async () => {
    const dispatched = await act(c.dispA, orders.inA.id, 'dispatch', {
      version: await version(orders.inA.id),
      leadUnitId: w.units.deptA1.id,
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    const handler = await asUser(app, w, 'unit_handler');
    expect((await act(handler, orders.inA.id, 'sign', { version: await version(orders.inA.id) })).statusCode).toBe(200);
    const reply = await act(handler, orders.inA.id, 'reply', {
      version: await version(orders.inA.id),
      result: 'resolved',
      text: '路灯已修复',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const queue = await listed(c.supA, '&state=replied');
    expect(queue).toEqual([orders.inA.id]);
    const fromB = await act(c.dispB, orders.inA.id, 'review_accept', { version: await version(orders.inA.id) });
    expect(fromB.statusCode).toBe(404);
    const review = await act(c.supA, orders.inA.id, 'review_accept', { version: await version(orders.inA.id) });
    expect(review.statusCode, review.body).toBe(200);
    const visit = await act(c.supA, orders.inA.id, 'visit_close', {
      version: await version(orders.inA.id),
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    expect(visit.statusCode, visit.body).toBe(200);
  });

  it('hands an order up with a required reason; the league routes it across to another sub-centre', async () => {
    const id = orders.inTownOfB.id;
    const blank = await act(c.dispB, id, 'hand_up', { version: await version(id), reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('body.reason');
    const league = await act(c.league, id, 'hand_up', { version: await version(id), reason: '不是分中心的' });
    expect(league.statusCode).toBe(403);
    const up = await act(c.dispB, id, 'hand_up', { version: await version(id), reason: '涉及两个旗县，请中心协调' });
    expect(up.statusCode, up.body).toBe(200);
    expect((await c.dispB.get(`/api/orders/${id}`)).statusCode).toBe(404);
    expect(await listed(c.league)).toContain(id);

    const bySub = await act(c.dispA, orders.noRegion.id, 'route_to_desk', {
      version: await version(orders.noRegion.id),
      deskUnitId: s.deskB.id,
    });
    expect(bySub.statusCode).toBe(404);
    const notDesk = await act(c.league, id, 'route_to_desk', { version: await version(id), deskUnitId: w.units.countyA.id });
    expect(notDesk.statusCode).toBe(400);
    expect(notDesk.json().error.field).toBe('deskUnitId');
    const routed = await act(c.league, id, 'route_to_desk', { version: await version(id), deskUnitId: s.deskA.id });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(await listed(c.dispA)).toContain(id);
    const again = await act(c.league, id, 'route_to_desk', { version: await version(id), deskUnitId: s.deskA.id });
    expect(again.statusCode).toBe(409);

    const timeline = (await c.dispA.get(`/api/orders/${id}/timeline`)).json() as {
      events: { action: string; payload: Record<string, unknown>; note: string | null }[];
    };
    const steps = timeline.events.filter((e) => e.action === 'hand_up' || e.action === 'route_to_desk');
    expect(steps.map((e) => e.action)).toEqual(['hand_up', 'route_to_desk']);
    expect(steps[0]!.payload).toMatchObject({ reason: '涉及两个旗县，请中心协调', fromDeskName: 'B旗12345分中心' });
    expect(steps[1]!.payload).toMatchObject({ deskName: 'A旗12345分中心', fromDeskName: null });
  });

  it('restarts the dispatch clock at the new desk, never past the order’s dispatch limit', async () => {
    const id = orders.inTownOfB.id;
    const detail = (await c.dispA.get(`/api/orders/${id}`)).json() as {
      deadlines: { stage: string; status: string; dueAt: string; unitId: string | null }[];
    };
    const dispatch = detail.deadlines.filter((d) => d.stage === 'dispatch');
    const first = dispatch[0]!;
    const running = dispatch.find((d) => d.status === 'running')!;
    expect(dispatch.length).toBe(3);
    expect(running.unitId).toBe(s.deskA.id);
    expect(Date.parse(running.dueAt)).toBeLessThanOrEqual(Date.parse(first.dueAt));
  });

  it('lets the league answer for every desk', async () => {
    const detail = await c.leagueSupervisor.get(`/api/orders/${orders.inTownOfB.id}`);
    expect(detail.statusCode).toBe(200);
  });
});
