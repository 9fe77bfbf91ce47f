import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import type { Actor } from '../../src/users/roles.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { addSubCentres, signInAs, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// Figures per level (ADR 0111): a sub-centre's KPIs are its region's, its live counts its desk's, and
// its monthly ranking is its banner/county's departments and towns; the league ranks the counties
// (the sub-centres' areas) and league departments, and a sub-centre is never a row of its own.
const { w, app } = useApp({ start: '2025-10-13T01:00:00Z' });
let s: SubCentreWorld;
let league: Client;
let supA: Client;
const MONTH = '2025-10';

async function closedIn(regionId: string, leadUnitId: string, handler: Actor, dispatcher: Actor, supervisor: Actor) {
  let x: Order = await newOrder(w, { title: '分级考核', regionId });
  x = await act(w, dispatcher, x, 'dispatch', { leadUnitId });
  w.clock.advance(60_000);
  x = await act(w, handler, x, 'sign', {});
  x = await act(w, handler, x, 'record_contact', { method: 'phone', summary: '已联系' });
  x = await act(w, handler, x, 'reply', { result: 'resolved', text: '已处理' });
  x = await act(w, supervisor, x, 'review_accept', {});
  return act(w, supervisor, x, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
}

beforeAll(async () => {
  s = await addSubCentres(w);
  const subSupervisor = s.people.supervisorA.actor;
  // A旗 (desk A): two closed by its department, one waiting; B旗 (desk B): one closed.
  await closedIn(w.regionId, w.units.deptA1.id, w.actors.unit_handler, s.people.dispatcherA.actor, subSupervisor);
  await closedIn(w.regionId, w.units.deptA1.id, w.actors.unit_handler, s.people.dispatcherA.actor, subSupervisor);
  await newOrder(w, { title: '分级考核 待派', regionId: w.regionId });
  await closedIn(s.regionB, w.units.deptB1.id, w.actors.handlerB, s.people.dispatcherB.actor, w.actors.supervisor);
  league = await asUser(app, w, 'supervisor');
  supA = await signInAs(app, s.people.supervisorA.username);
});

const kpis = async (client: Client, query: string) => {
  const res = await client.get(`/api/kpis?from=${MONTH}-01&to=${MONTH}-31${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: { counters: { accepted: number } }; filter: { regionId?: string } };
};

describe('KPIs per level', () => {
  it('narrows a sub-centre to its region: the league’s figures for that region, not the league’s', async () => {
    const own = await kpis(supA, '');
    const leagueOfA = await kpis(league, `&regionId=${w.regionId}`);
    const all = await kpis(league, '');
    expect(own.total.counters.accepted).toBe(3);
    expect(own.total.counters).toEqual(leagueOfA.total.counters);
    expect(all.total.counters.accepted).toBe(4);
    expect(own.filter.regionId).toBe(w.regionId);
  });

  it('answers 404 for another sub-centre’s region', async () => {
    expect((await supA.get(`/api/kpis?from=${MONTH}-01&to=${MONTH}-31&regionId=${s.regionB}`)).statusCode).toBe(404);
  });

  it('counts the desk’s open orders live', async () => {
    const own = (await supA.get('/api/kpis/now')).json() as { open: number; acceptedToday: number };
    const all = (await league.get('/api/kpis/now')).json() as { open: number; acceptedToday: number };
    expect(own.open).toBe(1);
    expect(own.acceptedToday).toBe(3);
    expect(all.acceptedToday).toBe(4);
  });
});

describe('the monthly ranking per level', () => {
  type Row = { unitId: string; parentUnitId: string | null; counters: { accepted: number } };
  const month = async (client: Client) => {
    const res = await client.get(`/api/assessment/months/${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { rows: Row[] }).rows;
  };

  it('the league ranks the counties and league-level units; a sub-centre is never a row', async () => {
    const rows = await month(league);
    const top = rows.filter((r) => r.parentUnitId === null).map((r) => r.unitId);
    expect(top).toEqual(expect.arrayContaining([w.units.countyA.id, w.units.countyB.id, w.units.company.id]));
    expect(rows.map((r) => r.unitId)).not.toContain(s.deskA.id);
    expect(rows.map((r) => r.unitId)).not.toContain(s.deskB.id);
  });

  it('a sub-centre ranks its county’s departments and towns, and sees no other county', async () => {
    const rows = await month(supA);
    const ids = rows.map((r) => r.unitId);
    expect(ids).toEqual(expect.arrayContaining([w.units.countyA.id, w.units.deptA1.id, w.units.townA2.id]));
    expect(ids).not.toContain(w.units.countyB.id);
    expect(ids).not.toContain(w.units.deptB1.id);
    expect(rows.filter((r) => r.unitId !== w.units.countyA.id).every((r) => r.parentUnitId === w.units.countyA.id)).toBe(true);
  });

  it('leaves freezing the month to the league', async () => {
    w.clock.set(new Date('2025-11-03T02:00:00Z'));
    const later = await signInAs(app, s.people.supervisorA.username); // the session of October has expired
    expect((await later.post(`/api/assessment/months/${MONTH}/freeze`)).statusCode).toBe(403);
  });
});
