import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { citizenActor } from '../../src/portal/portal.service.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { addSubCentres, signInAs, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// A sub-centre's supervisor sees its desk's 待核查 queue and its desk's catalogue figures only; asking
// for another desk's is 404; the league sees every desk's, or one desk's on request (ADR 0153).
const { w, app } = useApp();
let s: SubCentreWorld;
const c = {} as Record<'leagueSupervisor' | 'supA' | 'dispA' | 'admin', Client>;
const orders = {} as Record<'atA' | 'atB', Order>;

beforeAll(async () => {
  s = await addSubCentres(w);
  c.leagueSupervisor = await asUser(app, w, 'supervisor');
  c.admin = await asUser(app, w, 'admin');
  c.supA = await signInAs(app, s.people.supervisorA.username);
  c.dispA = await signInAs(app, s.people.dispatcherA.username);
  // A catalogue rule, so the dispatches below are figures of the report.
  const rule = await c.admin.post('/api/catalogue/rules', {
    categoryId: w.categoryId,
    regionId: null,
    leadUnitId: w.units.deptA1.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  for (const [key, regionId, unitId, handler] of [
    ['atA', w.regionId, w.units.deptA1.id, w.actors.unit_handler],
    ['atB', s.townOfB, w.units.deptB1.id, w.actors.handlerB],
  ] as const) {
    let o = await newOrder(w, { regionId, title: `${key} 路灯不亮` });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: unitId });
    o = await act(w, handler, o, 'sign', {});
    o = await act(w, handler, o, 'reply', { result: 'resolved', text: '已修复' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    orders[key] = await act(w, citizenActor(w.centreId), o, 'visit_check', { satisfaction: 'dissatisfied', resolved: false });
  }
});

const checkIds = async (client: Client, query = '') => {
  const res = await client.get(`/api/checks${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: { orderId: string }[]; deskUnitId: string | null }).rows.map((r) => r.orderId);
};

describe('the 待核查 queue by desk', () => {
  it('shows a sub-centre’s supervisor its desk’s checks only; another desk’s is 404', async () => {
    expect(orders.atA.desk_unit_id).toBe(s.deskA.id);
    expect(orders.atB.desk_unit_id).toBe(s.deskB.id);
    expect(await checkIds(c.supA)).toEqual([orders.atA.id]);
    expect(await checkIds(c.supA, `?deskUnitId=${s.deskA.id}`)).toEqual([orders.atA.id]);
    expect((await c.supA.get(`/api/checks?deskUnitId=${s.deskB.id}`)).statusCode).toBe(404);
    // and the other desk's order itself is 404 to it, like any of that desk's orders
    expect((await c.supA.get(`/api/orders/${orders.atB.id}`)).statusCode).toBe(404);
  });

  it('shows the league every desk’s checks, or one desk’s on request', async () => {
    expect((await checkIds(c.leagueSupervisor)).sort()).toEqual([orders.atA.id, orders.atB.id].sort());
    expect(await checkIds(c.leagueSupervisor, `?deskUnitId=${s.deskB.id}`)).toEqual([orders.atB.id]);
    expect((await c.leagueSupervisor.get(`/api/checks?deskUnitId=${w.units.deptA1.id}`)).statusCode).toBe(404);
  });
});

describe('the catalogue report by desk', () => {
  const period = 'from=2025-03-01&to=2025-03-31';
  it('gives a sub-centre its desk’s figures; another desk’s is 404; the league all or one', async () => {
    const mine = await c.supA.get(`/api/catalogue/report?${period}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ dispatches: 1, followed: 1, deskUnitId: s.deskA.id });
    expect((await c.dispA.get(`/api/catalogue/report?${period}&deskUnitId=${s.deskB.id}`)).statusCode).toBe(404);
    const all = (await c.leagueSupervisor.get(`/api/catalogue/report?${period}`)).json();
    expect(all).toMatchObject({ dispatches: 2, followed: 1, overridden: 1, deskUnitId: null });
    const b = (await c.leagueSupervisor.get(`/api/catalogue/report?${period}&deskUnitId=${s.deskB.id}`)).json();
    expect(b).toMatchObject({ dispatches: 1, overridden: 1, deskUnitId: s.deskB.id });
  });
});
