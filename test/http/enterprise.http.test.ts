import { describe, expect, it } from 'vitest';
import { refreshKpiRollups } from '../../src/analytics/kpi/kpi-rollup.service.js';
import { asUser } from '../helpers/http.js';
import { act } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const TOKEN = 'cti-test-token-0123456789';
const { w, app } = useApp({
  start: '2025-03-03T02:00:00Z',
  env: { LIANXIN_CTI_TOKEN: TOKEN, LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000' },
});

/** Well-formed codes (GB 32100-2015 check character verified by hand): a bank and a university. */
const CODE_A = '91350100M000100Y43';
const CODE_B = '91110000802100433B';

const appeal = (over: Record<string, unknown> = {}) => ({
  channel: 'phone',
  appealType: 'complaint',
  priority: 3,
  title: '企业用电审批拖延',
  content: '我公司新厂房接电申请已提交两个月，供电公司一直未答复。',
  callerName: '赵经理',
  callerPhone: '13600001111',
  categoryId: w.categoryId,
  regionId: w.regionId,
  ...over,
});

const enterprises = () => w.deps.db.selectFrom('order_enterprises').selectAll().execute();

describe('enterprise appeals (涉企诉求)', () => {
  it('refuses a wrong credit code with 400 naming enterprise.creditCode, and writes nothing', async () => {
    const operator = await asUser(app, w, 'operator');
    const before = (await enterprises()).length;
    for (const creditCode of ['91350100M000100Y44', '91350100M00010', '91350100M000100YI3']) {
      const res = await operator.post('/api/orders', appeal({ enterprise: { companyName: '某某科技有限公司', creditCode } }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('enterprise.creditCode');
    }
    const blank = await operator.post('/api/orders', appeal({ enterprise: { companyName: '  ', creditCode: CODE_A } }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toContain('companyName');
    expect((await enterprises()).length).toBe(before);
  });

  it('writes the company with the order; a protected company is hidden from the handling unit, not from the centre', async () => {
    const operator = await asUser(app, w, 'operator');
    const open = await operator.post(
      '/api/orders',
      appeal({ enterprise: { companyName: '锡林郭勒草原乳业有限公司', creditCode: CODE_B.toLowerCase() } }),
    );
    expect(open.statusCode).toBe(201);
    const prot = await operator.post(
      '/api/orders',
      appeal({
        title: '税务检查中遭遇刁难',
        enterprise: { companyName: '锡林浩特市某建材有限公司', creditCode: CODE_A, protectName: true },
      }),
    );
    expect(prot.statusCode).toBe(201);
    const rows = await enterprises();
    expect(rows.find((r) => r.order_id === open.json().id)).toMatchObject({ credit_code: CODE_B, protect_name: false });

    for (const created of [open.json(), prot.json()]) {
      const o = await w.deps.db.selectFrom('orders').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    }
    const unit = await asUser(app, w, 'unit_handler');
    const supervisor = await asUser(app, w, 'supervisor');
    const asUnit = (await unit.get(`/api/orders/${prot.json().id}`)).json();
    expect(asUnit.enterprise).toEqual({ companyName: null, creditCode: null, protectName: true, hidden: true });
    expect(JSON.stringify(asUnit)).not.toContain('建材');
    expect((await unit.get(`/api/orders/${open.json().id}`)).json().enterprise).toMatchObject({
      companyName: '锡林郭勒草原乳业有限公司',
      hidden: false,
    });
    expect((await supervisor.get(`/api/orders/${prot.json().id}`)).json().enterprise).toEqual({
      companyName: '锡林浩特市某建材有限公司',
      creditCode: CODE_A,
      protectName: true,
      hidden: false,
    });
  });

  it('takes an enterprise appeal from the portal, the code checked the same way', async () => {
    const base = {
      appealType: 'help',
      title: '开办企业手续咨询',
      content: '想了解开办食品企业需要哪些手续。',
      callerName: '孙丽',
      callerPhone: '13700002222',
    };
    const post = (body: object) =>
      app.inject({ method: 'POST', url: '/api/portal/appeals', payload: body, remoteAddress: '10.2.0.1' });
    const wrong = await post({ ...base, companyName: '某食品公司', creditCode: '911100001000013440' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('enterprise.creditCode');
    const noName = await post({ ...base, creditCode: CODE_A });
    expect(noName.json().error.field).toBe('companyName');
    const ok = await post({ ...base, companyName: '某食品有限公司', creditCode: CODE_A, protectCompany: true });
    expect(ok.statusCode).toBe(201);
    const order = await w.deps.db
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', ok.json().orderNo)
      .executeTakeFirstOrThrow();
    expect((await enterprises()).find((r) => r.order_id === order.id)).toMatchObject({
      company_name: '某食品有限公司',
      protect_name: true,
    });
  });

  it('lists the enterprise desk’s queue (centre only) and computes its own KPIs', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    const queue = await supervisor.get('/api/enterprise/orders?status=all');
    expect(queue.statusCode).toBe(200);
    const body = queue.json();
    expect(body.total).toBe(3);
    expect(body.rows.map((r: { companyName: string }) => r.companyName)).toContain('锡林浩特市某建材有限公司');
    expect(body.rows.find((r: { protectName: boolean }) => r.protectName)).toBeDefined();
    expect((await supervisor.get('/api/enterprise/orders?status=open')).json().total).toBe(3);
    expect((await supervisor.get('/api/enterprise/orders?status=closed')).json().total).toBe(0);
    expect((await (await asUser(app, w, 'unit_handler')).get('/api/enterprise/orders')).statusCode).toBe(403);
    expect(
      (await (await asUser(app, w, 'unit_admin')).get('/api/enterprise/kpis?from=2025-03-01&to=2025-03-31')).statusCode,
    ).toBe(403);

    // One more plain appeal: the enterprise figures leave it out, the centre's include it.
    await (await asUser(app, w, 'operator')).post('/api/orders', appeal({ title: '普通诉求' }));
    const ent = (await supervisor.get('/api/enterprise/kpis?from=2025-03-01&to=2025-03-31')).json();
    const all = (await supervisor.get('/api/kpis?from=2025-03-01&to=2025-03-31')).json();
    expect(ent.total.kpis.acceptedCount.value).toBe(3);
    expect(ent.total.kpis.transferredCount.value).toBe(2);
    expect(ent.total.kpis.answeredCalls.value).toBe(0);
    expect(all.total.kpis.acceptedCount.value).toBeGreaterThan(3);
    expect(Object.keys(ent.total.kpis)).toEqual(expect.arrayContaining(['responseRate', 'closureRate', 'satisfactionRate']));
    expect((await supervisor.get('/api/enterprise/kpis?from=2025-3-1&to=2025-03-31')).statusCode).toBe(400);
  });
});

describe('接收率 (受理 ÷ 接通)', () => {
  const cti = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/calls', headers: { authorization: `Bearer ${TOKEN}` }, payload: payload as object });

  it('counts answered calls recorded as an order over calls answered, from the events and from the rollups alike', async () => {
    const day = '2025-03-04';
    w.clock.set(`${day}T02:00:00Z`);
    const answered = async (id: string) =>
      (
        await cti({
          callId: id,
          event: 'ended',
          offeredAt: `${day}T03:00:00Z`,
          answeredAt: `${day}T03:00:05Z`,
          at: `${day}T03:04:00Z`,
        })
      ).json();
    const a = await answered('R-1');
    const b = await answered('R-2');
    await answered('R-3');
    await cti({ callId: 'R-4', event: 'abandoned', offeredAt: `${day}T03:00:00Z`, at: `${day}T03:00:30Z` });
    const operator = await asUser(app, w, 'operator');
    const order = (await operator.post('/api/orders', appeal({ title: '来电受理' }))).json();
    const second = (await operator.post('/api/orders', appeal({ title: '同一来电的第二件事' }))).json();
    expect((await operator.post(`/api/calls/${a.id}/link`, { orderId: order.id })).statusCode).toBe(200);
    expect((await operator.post(`/api/calls/${a.id}/link`, { orderId: second.id })).statusCode).toBe(200);

    const leader = await asUser(app, w, 'leader');
    const url = `/api/kpis?from=${day}&to=${day}`;
    const live = (await leader.get(url)).json();
    expect(live.total.kpis.intakeRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(live.definitions.find((d: { key: string }) => d.key === 'intakeRate')).toMatchObject({ zh: '接收率' });

    // Two days later the day is closed and built into the rollups: the same figure.
    w.clock.set('2025-03-06T02:00:00Z');
    await refreshKpiRollups(w.deps);
    const later = await asUser(app, w, 'leader'); // the earlier sessions ended with the days
    const rolled = (await later.get(url)).json();
    const built = await w.deps.db.selectFrom('kpi_rollup_days').select('day').where('centre_id', '=', w.centreId).execute();
    expect(built.map((b) => String(b.day))).toContain(day);
    expect(rolled.total.kpis.intakeRate).toMatchObject({ numerator: 1, denominator: 3 });
    // A link made later touches the call's day: the next refresh rebuilds it.
    const clerk = await asUser(app, w, 'operator');
    const late = (await clerk.post('/api/orders', appeal({ title: '补录来电' }))).json();
    expect((await clerk.post(`/api/calls/${b.id}/link`, { orderId: late.id })).statusCode).toBe(200);
    await refreshKpiRollups(w.deps);
    expect((await later.get(url)).json().total.kpis.intakeRate).toMatchObject({ numerator: 2, denominator: 3 });
  });
});
