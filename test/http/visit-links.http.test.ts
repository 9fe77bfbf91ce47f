import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitLinkListView, VisitLinkPage, VisitLinkRated, VisitLinkView } from '../../src/contract/visits.js';
import type { Order } from '../../src/db/schema.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { runDuePeriodicJobs } from '../../src/worker/periodic-runner.service.js';
import { visitLinkFallbackJob } from '../../src/visits/visit-link-fallback.job.js';
import { directVisitSamplingJob } from '../../src/visits/direct-visit-sampling.job.js';
import { asUser, buildTestApp, type Client } from '../helpers/http.js';
import { startSmsGateway } from '../helpers/notice-gateways.js';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

const { w } = useWorld();
const PUBLIC_URL = 'https://12345.example.cn';
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let app: FastifyInstance; // SMS through the loopback gateway
let bare: FastifyInstance; // no SMS gateway: notices held on the staff outbox page
let env: Record<string, string>;
const HOUR = 3_600_000;

beforeAll(async () => {
  gateway = await startSmsGateway();
  env = { LIANXIN_SMS_PROVIDER: 'http', LIANXIN_SMS_URL: gateway.url, LIANXIN_PUBLIC_URL: PUBLIC_URL };
  app = await buildTestApp(w, env);
  bare = await buildTestApp(w, { LIANXIN_PUBLIC_URL: PUBLIC_URL });
});
afterAll(async () => {
  await app?.close();
  await bare?.close();
  await gateway?.close();
});

const drain = (e: Record<string, string> = {}) => drainOutbox(workerDeps(w.deps, e), { handlers: outboxHandlers });
const LINK = /https:\/\/12345\.example\.cn\/portal\/v\/([A-Za-z0-9_-]{22})/;

// Every portal call from its own address, so the per-address limit of the portal never interferes here.
let ip = 0;
const portal = (method: 'GET' | 'POST', token: string, payload?: object, on: FastifyInstance = app) =>
  on.inject({ method, url: `/api/portal/visit/${token}`, payload, remoteAddress: `10.7.${Math.floor(++ip / 250)}.${ip % 250}` });

const sendLink = (staff: Client, order: Order) => staff.post(`/api/orders/${order.id}/visit-link`);
const orderRow = (id: string) => w.deps.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const visitsOf = (id: string) => w.deps.db.selectFrom('return_visits').selectAll().where('order_id', '=', id).execute();
const timelineKinds = async (id: string) =>
  (await w.deps.db.selectFrom('order_events').select('action').where('order_id', '=', id).orderBy('id').execute()).map(
    (e) => e.action,
  );

/** The token of the link the held notice of `order` carries (no gateway: the staff outbox page's text). */
async function heldToken(order: Order): Promise<string> {
  await drain();
  const notices = await w.deps.db
    .selectFrom('citizen_notices')
    .select(['body', 'status'])
    .where('order_id', '=', order.id)
    .where('event', '=', 'visit_invite')
    .orderBy('id', 'desc')
    .execute();
  expect(notices[0]).toMatchObject({ status: 'held' });
  return LINK.exec(notices[0]!.body)![1]!;
}

describe('return visits by SMS link', () => {
  it('sends the link through the SMS gateway in one step with the timeline; only the hash is kept', async () => {
    const order = await toVisiting(w);
    const operator = await asUser(app, w, 'operator');
    const res = await sendLink(operator, order);
    expect(res.statusCode).toBe(201);
    const view = res.json<VisitLinkView>();
    expect(view).toMatchObject({ orderId: order.id, orderNo: order.order_no, state: 'sent', usedAt: null });
    expect(new Date(view.expiresAt).getTime() - new Date(view.sentAt).getTime()).toBe(48 * HOUR);
    expect(await timelineKinds(order.id)).toContain('visit_link_sent');

    await drain(env);
    const hit = gateway.hits.find((h) => LINK.test(h.fields.text ?? ''));
    expect(hit?.fields.to).toBe('13812341234');
    expect(hit?.fields.text).toContain(order.order_no);
    const token = LINK.exec(hit!.fields.text!)![1]!;
    const row = await w.deps.db.selectFrom('visit_links').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    // Once sent, the staff's copy of the text no longer opens the page.
    const notice = await w.deps.db
      .selectFrom('citizen_notices')
      .select(['body', 'status'])
      .where('order_id', '=', order.id)
      .where('event', '=', 'visit_invite')
      .executeTakeFirstOrThrow();
    expect(notice.status).toBe('sent');
    expect(notice.body).not.toContain(token);

    // One invitation at a time; the handling unit does not make return visits.
    const again = await sendLink(operator, order);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { reason: 'live' } });
    expect((await sendLink(await asUser(app, w, 'unit_handler'), order)).statusCode).toBe(403);
  });

  it('opens, rates (a valid visit with method sms_link, the order closed) and refuses a second use', async () => {
    const order = await toVisiting(w);
    expect((await sendLink(await asUser(bare, w, 'supervisor'), order)).statusCode).toBe(201);
    const token = await heldToken(order);

    const opened = await portal('GET', token);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.json<VisitLinkPage>()).toMatchObject({
      centreName: '测试热线中心',
      orderNo: order.order_no,
      title: '小区供暖不热',
      reply: { kind: 'reply', result: 'resolved', text: '已处理' },
    });
    expect(opened.body).not.toContain('13812341234');

    const rated = await portal('POST', token, { satisfaction: 'satisfied', resolved: true, comment: '处理及时' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json<VisitLinkRated>()).toMatchObject({ orderNo: order.order_no, toCheck: false, stageText: { zh: '已办结' } });
    expect(await orderRow(order.id)).toMatchObject({ state: 'closed', closure_kind: 'visited', satisfaction: 'satisfied' });
    expect(await visitsOf(order.id)).toMatchObject([{ method: 'sms_link', reached: true, resolved: true, note: '处理及时' }]);

    const twice = await portal('POST', token, { satisfaction: 'dissatisfied', resolved: false });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { reason: 'used', message: '这个回访链接已经用过了，感谢您的评价' } });
    expect((await portal('GET', token)).json()).toMatchObject({ error: { reason: 'used' } });
    expect(await visitsOf(order.id)).toHaveLength(1);

    const links = (
      await (await asUser(app, w, 'supervisor')).get(`/api/visit-links?orderId=${order.id}`)
    ).json<VisitLinkListView>();
    expect(links.items).toMatchObject([{ state: 'answered' }]);
  });

  it('sends 不满意 through the centre’s check (待核查), as the portal’s rating does', async () => {
    const order = await toVisiting(w);
    await sendLink(await asUser(bare, w, 'operator'), order);
    const token = await heldToken(order);
    const rated = await portal('POST', token, { satisfaction: 'basically_satisfied', resolved: false, comment: '还是漏水' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json<VisitLinkRated>()).toMatchObject({
      toCheck: true,
      stageText: { zh: '已收到您的评价，中心正在核查办理情况' },
    });
    expect(await orderRow(order.id)).toMatchObject({ state: 'checking', closed_at: null, resolved: false });
    expect(await visitsOf(order.id)).toMatchObject([
      { method: 'sms_link', satisfaction: 'basically_satisfied', unit_caused: null },
    ]);
    const checks = (await (await asUser(app, w, 'supervisor')).get('/api/checks')).json<{
      rows: { orderNo: string; comment: string }[];
    }>();
    expect(checks.rows.find((r) => r.orderNo === order.order_no)).toMatchObject({ comment: '还是漏水' });
  });

  it('answers a bad token 404, a bad rating 400 naming the field, and limits each address', async () => {
    expect((await portal('GET', 'AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await portal('GET', 'not-a-token')).statusCode).toBe(404);
    expect((await portal('POST', 'AAAAAAAAAAAAAAAAAAAAAA', { satisfaction: 'satisfied', resolved: true })).statusCode).toBe(404);

    const order = await toVisiting(w);
    await sendLink(await asUser(bare, w, 'operator'), order);
    const token = await heldToken(order);
    const bad = await portal('POST', token, { satisfaction: 'great', resolved: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'body.satisfaction' } });
    const missing = await portal('POST', token, { satisfaction: 'satisfied' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { field: 'body.resolved' } });
    expect((await orderRow(order.id)).state).toBe('visiting');

    const strict = await buildTestApp(w, { LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '2' });
    try {
      const from = (address: string) =>
        strict.inject({ method: 'GET', url: `/api/portal/visit/${token}`, remoteAddress: address });
      expect((await from('10.8.0.1')).statusCode).toBe(200);
      expect((await from('10.8.0.1')).statusCode).toBe(200);
      const limited = await from('10.8.0.1');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await from('10.8.0.2')).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('refuses a link for an order not awaiting a visit, a caller without a mobile, opted out, declining SMS or not agreeing', async () => {
    const operator = await asUser(bare, w, 'operator');
    const reasonOf = async (order: Order) => (await sendLink(operator, order)).json<{ error: { reason: string } }>().error.reason;
    expect(await reasonOf(await newOrder(w))).toBe('not_awaiting');

    let o = await newOrder(w, { callerPhone: '04798251234' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已处理' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    expect(await reasonOf(o)).toBe('no_phone');

    const optedOut = await toVisiting(w);
    await w.deps.db.updateTable('orders').set({ caller_phone: '13700001111' }).where('id', '=', optedOut.id).execute();
    const supervisor = await asUser(bare, w, 'supervisor');
    expect((await supervisor.post('/api/citizen-notices/opt-outs', { address: '13700001111', optedOut: true })).statusCode).toBe(
      200,
    );
    expect(await reasonOf(optedOut)).toBe('opted_out');

    let declined = await newOrder(w, { citizenContact: { sms: false } });
    declined = await act(w, w.actors.dispatcher, declined, 'dispatch', { leadUnitId: w.units.deptA1.id });
    declined = await act(w, w.actors.unit_handler, declined, 'sign', {});
    declined = await act(w, w.actors.unit_handler, declined, 'reply', { result: 'resolved', text: '已处理' });
    declined = await act(w, w.actors.supervisor, declined, 'review_accept', {});
    expect(await reasonOf(declined)).toBe('sms_declined');

    const confidential = await toVisiting(w);
    await w.deps.db.updateTable('orders').set({ caller_confidential: true }).where('id', '=', confidential.id).execute();
    const refused = await sendLink(operator, confidential);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { reason: 'not_agreed', message: '保密来电人未同意接收回访短信，请电话回访' },
    });
    expect(await w.deps.db.selectFrom('visit_links').select('id').where('order_id', '=', confidential.id).execute()).toEqual([]);
  });

  it('falls an unanswered link back to the phone queue after visit_link_hours; the expired link is refused', async () => {
    const admin = await asUser(app, w, 'admin');
    const settings = (await admin.get('/api/citizen-notices/settings')).json<Record<string, unknown>>();
    expect(
      (await admin.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: { ...settings, visitLinkHours: 6 } }))
        .statusCode,
    ).toBe(200);
    const order = await toVisiting(w);
    const operator = await asUser(bare, w, 'operator');
    const sent = (await sendLink(operator, order)).json<VisitLinkView>();
    expect(new Date(sent.expiresAt).getTime() - new Date(sent.sentAt).getTime()).toBe(6 * HOUR);
    const token = await heldToken(order);

    const deps = workerDeps(w.deps);
    w.clock.advance(5 * HOUR);
    await runDuePeriodicJobs(deps, [visitLinkFallbackJob], 'test-worker');
    expect((await portal('GET', token)).statusCode).toBe(200);

    w.clock.advance(2 * HOUR);
    expect((await portal('GET', token)).json()).toMatchObject({
      error: { reason: 'expired', message: '这个回访链接已过期，工作人员会电话回访您' },
    });
    const runs = await runDuePeriodicJobs(deps, [visitLinkFallbackJob], 'test-worker');
    expect(runs[0]?.summary).toMatch(/^1 unanswered/);
    const supervisor = await asUser(app, w, 'supervisor');
    const list = (await supervisor.get(`/api/visit-links?orderId=${order.id}`)).json<VisitLinkListView>();
    expect(list.items).toMatchObject([{ state: 'fell_back' }]);
    expect(await timelineKinds(order.id)).toContain('visit_link_fell_back');
    // Still 待回访, now for the phone; a second run changes nothing; a new link may go now.
    expect((await orderRow(order.id)).state).toBe('visiting');
    w.clock.advance(10 * 60_000);
    expect((await runDuePeriodicJobs(deps, [visitLinkFallbackJob], 'test-worker'))[0]?.summary).toMatch(/^0 unanswered/);
    expect((await sendLink(operator, order)).statusCode).toBe(201);
    await admin.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: { ...settings } });
  });
});

describe('直办 orders sampled for a return visit', () => {
  const drawn = (id: string, share: number) => createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32 < share;

  it('draws the centre’s share deterministically by order id into the visit queue; visits by link or phone', async () => {
    const admin = await asUser(app, w, 'admin');
    const settings = (await admin.get('/api/citizen-notices/settings')).json<Record<string, unknown>>();
    await admin.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: { ...settings, directVisitShare: 0.3 } });
    const direct: Order[] = [];
    for (let i = 0; i < 40; i++) {
      const o = await newOrder(w, { appealType: 'consult', title: `咨询公积金提取${i}` });
      direct.push(await act(w, w.actors.operator, o, 'answer_directly', { answer: '可携带身份证到公积金中心办理。' }));
    }
    const deps = workerDeps(w.deps);
    w.clock.advance(HOUR);
    await runDuePeriodicJobs(deps, [directVisitSamplingJob], 'test-worker');
    const expected = direct
      .filter((o) => drawn(o.id, 0.3))
      .map((o) => o.id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(25);
    const samples = async () =>
      (await w.deps.db.selectFrom('direct_visit_samples').select('order_id').execute()).map((r) => r.order_id).sort();
    expect(await samples()).toEqual(expected);

    // Re-run: the same draw, nothing new. A higher share keeps every order drawn before.
    w.clock.advance(HOUR);
    await runDuePeriodicJobs(deps, [directVisitSamplingJob], 'test-worker');
    expect(await samples()).toEqual(expected);
    await admin.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: { ...settings, directVisitShare: 0.6 } });
    w.clock.advance(HOUR);
    await runDuePeriodicJobs(deps, [directVisitSamplingJob], 'test-worker');
    const wider = await samples();
    expect(wider).toEqual(
      direct
        .filter((o) => drawn(o.id, 0.6))
        .map((o) => o.id)
        .sort(),
    );
    expect(expected.every((id) => wider.includes(id))).toBe(true);
    await admin.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: { ...settings } });

    const operator = await asUser(bare, w, 'operator');
    const queue = async () =>
      (await operator.get('/api/visits/direct-samples')).json<{ items: { id: string }[] }>().items.map((o) => o.id);
    expect((await queue()).sort()).toEqual(wider);

    // By link: a valid visit with method sms_link; the order stays closed and leaves the queue.
    const [byLink, byPhone] = wider.map((id) => direct.find((o) => o.id === id)!);
    expect((await sendLink(operator, byLink!)).statusCode).toBe(201);
    const token = await heldToken(byLink!);
    expect((await portal('GET', token)).json<VisitLinkPage>()).toMatchObject({
      reply: { kind: 'answer', text: '可携带身份证到公积金中心办理。' },
    });
    expect((await portal('POST', token, { satisfaction: 'satisfied', resolved: true })).statusCode).toBe(200);
    expect(await orderRow(byLink!.id)).toMatchObject({ state: 'closed', closure_kind: 'direct', satisfaction: 'satisfied' });
    expect(await visitsOf(byLink!.id)).toMatchObject([{ method: 'sms_link' }]);

    // By phone: the desk records it; a second visit of the same order is refused.
    const phone = await operator.post(`/api/orders/${byPhone!.id}/actions/direct-visit`, {
      version: byPhone!.version,
      reached: true,
      satisfaction: 'basically_satisfied',
      resolved: true,
    });
    expect(phone.statusCode).toBe(200);
    expect(await visitsOf(byPhone!.id)).toMatchObject([{ method: 'phone', satisfaction: 'basically_satisfied' }]);
    const fresh = await orderRow(byPhone!.id);
    const second = await operator.post(`/api/orders/${byPhone!.id}/actions/direct-visit`, {
      version: fresh.version,
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    expect(second.statusCode).toBe(409);
    expect(await queue()).not.toContain(byLink!.id);
    expect(await queue()).not.toContain(byPhone!.id);
    // Staff cannot claim a link's method; a 直办 visit is only for a 直办 order.
    const other = wider.map((id) => direct.find((o) => o.id === id)!)[2]!;
    const claimed = await operator.post(`/api/orders/${other.id}/actions/direct-visit`, {
      version: other.version,
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
      method: 'sms_link',
    });
    expect(claimed.statusCode).toBe(400);
    expect(claimed.json()).toMatchObject({ error: { field: 'method' } });
    // …and no 直办 visit of an order the centre did not answer directly.
    const handled = await act(w, w.actors.supervisor, await toVisiting(w), 'visit_close', {
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    const notDirect = await operator.post(`/api/orders/${handled.id}/actions/direct-visit`, {
      version: handled.version,
      reached: false,
    });
    expect(notDirect.statusCode).toBe(409);
  });
});
