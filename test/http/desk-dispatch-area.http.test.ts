import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/users/password.js';
import { insertUser } from '../../src/users/user.repository.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { addSubCentres, signInAs, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// A sub-centre dispatches inside its banner/county and to the league-wide units only (ADR 0153);
// the league centre dispatches anywhere; only the league's admin marks a unit league-wide.
const { w, app } = useApp();
let s: SubCentreWorld;
const c = {} as Record<'operator' | 'league' | 'admin' | 'dispA' | 'dispB' | 'deskAdmin', Client>;

beforeAll(async () => {
  s = await addSubCentres(w);
  c.operator = await asUser(app, w, 'operator');
  c.league = await asUser(app, w, 'dispatcher');
  c.admin = await asUser(app, w, 'admin');
  c.dispA = await signInAs(app, s.people.dispatcherA.username);
  c.dispB = await signInAs(app, s.people.dispatcherB.username);
  const username = `deskadmin_${w.centreId.slice(0, 8)}`;
  await insertUser(w.deps.db, {
    centreId: w.centreId,
    unitId: s.deskA.id,
    username,
    displayName: 'A旗分中心管理员',
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles: ['admin'],
  });
  c.deskAdmin = await signInAs(app, username);
});

async function accept(regionId: string | undefined, title: string) {
  const res = await c.operator.post('/api/orders', {
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
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; deskUnitId: string | null };
}

const dispatch = async (client: Client, orderId: string, body: Record<string, unknown>) => {
  const version = (await c.league.get(`/api/orders/${orderId}`)).json().order.version as number;
  return client.post(`/api/orders/${orderId}/actions/dispatch`, { version, ...body });
};
const put = (client: Client, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as object });

describe('a sub-centre’s dispatch area', () => {
  it('refuses a lead unit of another banner with 400 naming the field, the unit and the area', async () => {
    const o = await accept(w.regionId, '锅炉房噪音扰民');
    expect(o.deskUnitId).toBe(s.deskA.id);
    const res = await dispatch(c.dispA, o.id, { leadUnitId: w.units.deptB1.id });
    expect(res.statusCode).toBe(400);
    const error = res.json().error as { field: string; message: string };
    expect(error.field).toBe('leadUnitId');
    expect(error.message).toContain(w.units.deptB1.name);
    expect(error.message).toContain('A旗12345分中心');
    expect(error.message).toContain('全盟通办');
    // Nothing was written: the order still waits at the desk.
    expect((await c.league.get(`/api/orders/${o.id}`)).json().order.state).toBe('accepted');
  });

  it('refuses an assisting unit outside the area until the league marks it league-wide, then dispatches', async () => {
    const o = await accept(w.regionId, '暖气不热');
    const body = { leadUnitId: w.units.deptA1.id, assistUnitIds: [w.units.company.id] };
    const refused = await dispatch(c.dispA, o.id, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('assistUnitIds');

    // Only the league centre's admin marks units league-wide: a sub-centre's admin is refused with the reason.
    const byDesk = await put(c.deskAdmin, `/api/units/${w.units.company.id}/league-wide`, { leagueWide: true });
    expect(byDesk.statusCode).toBe(403);
    expect(byDesk.json().error.message).toContain('只有市级中心可以设定全盟通办单位');
    expect((await put(c.dispA, `/api/units/${w.units.company.id}/league-wide`, { leagueWide: true })).statusCode).toBe(403);
    expect((await put(c.admin, `/api/units/${w.units.centre.id}/league-wide`, { leagueWide: true })).statusCode).toBe(400);
    const marked = await put(c.admin, `/api/units/${w.units.company.id}/league-wide`, { leagueWide: true });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual([{ id: w.units.company.id, name: '热力公司', kind: 'company' }]);

    const area = (await c.dispA.get('/api/sub-centres/dispatch-area')).json();
    expect(area).toMatchObject({
      anywhere: false,
      deskUnitId: s.deskA.id,
      areaUnitId: w.units.countyA.id,
      areaUnitName: 'A旗',
      leagueWideUnits: [{ id: w.units.company.id }],
    });
    expect((await c.league.get('/api/sub-centres/dispatch-area')).json()).toMatchObject({ anywhere: true, deskUnitId: null });

    const ok = await dispatch(c.dispA, o.id, body);
    expect(ok.statusCode, ok.body).toBe(200);
    // A league-wide unit may also lead (a utility's own matter).
    const heat = await accept(w.regionId, '供热管网漏水');
    expect((await dispatch(c.dispA, heat.id, { leadUnitId: w.units.company.id })).statusCode).toBe(200);
    expect((await put(c.admin, `/api/units/${w.units.company.id}/league-wide`, { leagueWide: false })).json()).toEqual([]);
  });

  it('lets each sub-centre dispatch only in its own banner, and the league anywhere', async () => {
    const inB = await accept(s.townOfB, '乙旗某镇供水停了');
    expect(inB.deskUnitId).toBe(s.deskB.id);
    expect((await dispatch(c.dispB, inB.id, { leadUnitId: w.units.deptA1.id })).statusCode).toBe(400);
    expect((await dispatch(c.dispB, inB.id, { leadUnitId: w.units.deptB1.id })).statusCode).toBe(200);
    const league = await accept(undefined, '全盟政策咨询');
    expect(league.deskUnitId).toBeNull();
    expect(
      (await dispatch(c.league, league.id, { leadUnitId: w.units.deptB1.id, assistUnitIds: [w.units.company.id] })).statusCode,
    ).toBe(200);
  });
});

describe('hand-up after a return (退单)', () => {
  it('rules on the unit’s return first (409 while it is asked), then hands the returned order up to the league', async () => {
    const o = await accept(w.regionId, '路灯不亮又退回来了');
    expect((await dispatch(c.dispA, o.id, { leadUnitId: w.units.deptA1.id })).statusCode).toBe(200);
    const handler = await asUser(app, w, 'unit_handler');
    const version = async () => (await c.league.get(`/api/orders/${o.id}`)).json().order.version as number;
    const asked = await handler.post(`/api/orders/${o.id}/actions/request-return`, {
      version: await version(),
      reason: '该路段属于B旗管辖，不属于本单位',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const early = await c.dispA.post(`/api/orders/${o.id}/actions/hand-up`, { version: await version(), reason: '跨旗事项' });
    expect(early.statusCode).toBe(409);
    const approved = await c.dispA.post(`/api/orders/${o.id}/actions/approve-return`, { version: await version() });
    expect(approved.statusCode, approved.body).toBe(200);
    const detail = (await c.dispA.get(`/api/orders/${o.id}`)).json();
    expect(detail.order.state).toBe('accepted');
    expect(detail.availableActions).toContain('hand_up');
    const up = await c.dispA.post(`/api/orders/${o.id}/actions/hand-up`, {
      version: await version(),
      reason: '跨旗事项，请中心统筹',
    });
    expect(up.statusCode, up.body).toBe(200);
    const after = (await c.league.get(`/api/orders/${o.id}`)).json().order;
    expect(after).toMatchObject({ state: 'accepted', deskUnitId: null, leadUnitId: null });
    expect((await c.dispA.get(`/api/orders/${o.id}`)).statusCode).toBe(404);
  });
});
