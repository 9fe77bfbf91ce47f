import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, buildTestApp } from '../helpers/http.js';
import { useWorld } from '../helpers/use-world.js';
import { newOrder } from '../helpers/orders.js';
import { workerDeps } from '../helpers/worker.js';
import { startSmsGateway } from '../helpers/notice-gateways.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { gatewaySignature } from '../../src/notifications/providers/http-sms.provider.js';
import type { CitizenNoticeListView, CitizenTemplateListView } from '../../src/contract/citizen-notices.js';

const { database, w } = useWorld();
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let app: FastifyInstance; // SMS through the loopback gateway
let bare: FastifyInstance; // nothing configured
const SECRET = 'report-secret-0123456789';
let env: Record<string, string>;

beforeAll(async () => {
  gateway = await startSmsGateway();
  env = { LIANXIN_SMS_PROVIDER: 'http', LIANXIN_SMS_URL: gateway.url, LIANXIN_SMS_SECRET: SECRET, LIANXIN_PORTAL_CENTRE: '' };
  app = await buildTestApp(w, env);
  bare = await buildTestApp(w);
});
afterAll(async () => {
  await app?.close();
  await bare?.close();
  await gateway?.close();
});

const drain = (e: Record<string, string> = {}) => drainOutbox(workerDeps(w.deps, e), { handlers: outboxHandlers });

describe('citizen notices over HTTP', () => {
  it('shows held notices on the staff outbox page with 未配置短信通道, to readers only', async () => {
    const order = await newOrder(w);
    await drain();
    const supervisor = await asUser(bare, w, 'supervisor');
    const res = await supervisor.get(`/api/citizen-notices?orderId=${order.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json<CitizenNoticeListView>();
    expect(view.configured).toEqual({ sms: false, email: false });
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      status: 'held',
      recipient: '138****1234',
      reason: { zh: '未配置短信通道' },
      orderNo: order.order_no,
    });
    const handler = await asUser(bare, w, 'unit_handler');
    expect((await handler.get('/api/citizen-notices')).statusCode).toBe(403);
    expect((await supervisor.get('/api/citizen-notices?status=lost')).statusCode).toBe(400);
  });

  it('lets the admin edit a template (refusing content variables in SMS) and the settings', async () => {
    const admin = await asUser(app, w, 'admin');
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/citizen-notices/templates/dispatched/sms/zh',
      payload: { subject: null, body: '您的诉求{title}已派单' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('body');
    const ok = await admin.request({
      method: 'PUT',
      url: '/api/citizen-notices/templates/accepted/sms/zh',
      payload: { subject: null, body: '【{centreName}】已受理：{orderNo}／{queryCode}' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<CitizenTemplateListView>().items.find((t) => t.event === 'accepted' && t.channel === 'sms')).toMatchObject({
      custom: true,
    });
    const settings = await admin.request({
      method: 'PUT',
      url: '/api/citizen-notices/settings',
      payload: {
        events: ['accepted', 'visit_invite'],
        quietStart: 1320,
        quietEnd: 480,
        secondLang: 'mn',
        visitLinkHours: 24,
        directVisitShare: 0.1,
      },
    });
    expect(settings.statusCode).toBe(200);
    const mn = await admin.request({
      method: 'PUT',
      url: '/api/citizen-notices/templates/accepted/sms/mn',
      payload: { subject: null, body: 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ {orderNo} {queryCode}' },
    });
    expect(mn.statusCode).toBe(200);
    const supervisor = await asUser(app, w, 'supervisor');
    expect(
      (await supervisor.request({ method: 'PUT', url: '/api/citizen-notices/settings', payload: settings.json() })).statusCode,
    ).toBe(403);

    const order = await newOrder(w, { callerPhone: '13700000077' });
    const mongolian = await newOrder(w, { callerPhone: '13700000078' });
    const operator = await asUser(app, w, 'operator');
    const put = await operator.request({
      method: 'PUT',
      url: `/api/orders/${mongolian.id}/citizen-contact`,
      payload: { email: null, lang: 'mn', consent: null },
    });
    expect(put.statusCode).toBe(200);
    await drain(env);
    const sent = gateway.hits.filter((h) => ['13700000077', '13700000078'].includes((JSON.parse(h.body) as { to: string }).to));
    const texts = sent.map((h) => (JSON.parse(h.body) as { text: string }).text).sort();
    expect(texts).toEqual(
      [
        `【测试热线中心】已受理：${order.order_no}／${order.query_code}`,
        `ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ${mongolian.order_no} ${mongolian.query_code}`,
      ].sort(),
    );
  });

  it('takes a signed delivery report and refuses a forged one', async () => {
    const order = await newOrder(w, { callerPhone: '13700000079' });
    await drain(env);
    const row = await database.db
      .selectFrom('citizen_notices')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    const payload = JSON.stringify({ id: row.provider_id, status: 'DELIVRD' });
    const forged = await app.inject({
      method: 'POST',
      url: '/api/citizen-notices/reports/http',
      headers: { 'content-type': 'application/json', 'x-timestamp': '5', 'x-signature': 'f'.repeat(64) },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: '/api/citizen-notices/reports/http',
      headers: { 'content-type': 'application/json', 'x-timestamp': '5', 'x-signature': gatewaySignature(SECRET, '5', payload) },
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 0, msg: '成功', applied: 1 });
    const after = await database.db
      .selectFrom('citizen_notices')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('delivered');
  });

  it('sends the portal code by SMS at once (urgent), blanks it after sending, and masks confidential appeals', async () => {
    const phone = '13700000080';
    await newOrder(w, { callerPhone: phone, title: '保密的举报事项', callerConfidential: true });
    w.clock.set(new Date('2025-03-05T16:00:00Z')); // midnight locally: quiet hours, the code still goes
    const ask = await app.inject({ method: 'POST', url: '/api/portal/otp', payload: { phone }, remoteAddress: '10.9.0.1' });
    expect(ask.statusCode).toBe(200);
    await drain(env);
    const hit = gateway.hits.filter((h) => (JSON.parse(h.body) as { to: string }).to === phone).at(-1)!;
    const code = /验证码为(\d{6})/.exec((JSON.parse(hit.body) as { text: string }).text)![1];
    const stored = await database.db
      .selectFrom('citizen_notices')
      .select(['body', 'status'])
      .where('event', '=', 'otp')
      .where('recipient', '=', phone)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(stored.body).not.toContain(code);
    const my = await app.inject({ method: 'POST', url: '/api/portal/my', payload: { phone, code }, remoteAddress: '10.9.0.1' });
    expect(my.statusCode).toBe(200);
    const appeals = my.json<{ appeals: { title: string }[] }>().appeals;
    expect(appeals).toHaveLength(1);
    expect(appeals[0].title).toBe('（保密诉求，内容不显示）');
    w.clock.set(new Date('2025-03-06T02:00:00Z'));
  });
});
