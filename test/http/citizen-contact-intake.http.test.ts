import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, buildTestApp, type Client } from '../helpers/http.js';
import { useWorld } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';
import { startSmsGateway, startSmtpServer } from '../helpers/notice-gateways.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { closeNoticeProviders } from '../../src/notifications/providers/registry.js';
import type { CitizenContactView } from '../../src/contract/citizen-notices.js';

// Issue 16: the caller's SMS consent and e-mail given AT intake, written with the order, so the
// 受理回执 composed after commit already respects them.
const { database, w } = useWorld();
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: FastifyInstance;
let operator: Client;
let env: Record<string, string>;

beforeAll(async () => {
  gateway = await startSmsGateway();
  smtp = await startSmtpServer();
  env = {
    LIANXIN_SMS_PROVIDER: 'http',
    LIANXIN_SMS_URL: gateway.url,
    LIANXIN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}/?ignoreTLS=true`,
    LIANXIN_MAIL_FROM: '12345 <notice@hotline.example>',
  };
  app = await buildTestApp(w, env);
  operator = await asUser(app, w, 'operator');
});
afterAll(async () => {
  await app?.close();
  await gateway?.close();
  await smtp?.close();
});

// One worker (one set of provider connections) for the file, closed before the servers stop.
let worker: ReturnType<typeof workerDeps> | undefined;
const drain = () => drainOutbox((worker ??= workerDeps(w.deps, env)), { handlers: outboxHandlers });
afterAll(() => worker && closeNoticeProviders(worker.config.notices));

const intake = (phone: string, citizenContact?: unknown) =>
  operator.post('/api/orders', {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: '路灯不亮',
    content: '团结路的路灯一周没亮了',
    callerPhone: phone,
    ...(citizenContact === undefined ? {} : { citizenContact }),
  });
const noticesOf = (orderId: string) =>
  database.db.selectFrom('citizen_notices').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
const smsTo = (phone: string) => gateway.hits.filter((h) => (JSON.parse(h.body) as { to: string }).to === phone);

describe('contact and consent at intake', () => {
  it('sends no SMS receipt to a caller who declined SMS at intake, and records why', async () => {
    const res = await intake('13600000001', { sms: false });
    expect(res.statusCode).toBe(201);
    const order = res.json<{ id: string }>();
    await drain();
    expect(smsTo('13600000001')).toEqual([]);
    expect(await noticesOf(order.id)).toMatchObject([
      { event: 'accepted', channel: 'sms', status: 'skipped', reason: 'sms_declined' },
    ]);
    const contact = await operator.get(`/api/orders/${order.id}/citizen-contact`);
    expect(contact.json<CitizenContactView>()).toMatchObject({ sms: false, email: null, lang: 'zh', consent: null });
  });

  it('e-mails the receipt to the address given at intake (real SMTP on loopback), and texts it too', async () => {
    const res = await intake('13600000002', { sms: true, email: 'Caller@Example.ORG' });
    expect(res.statusCode).toBe(201);
    const order = res.json<{ id: string; orderNo: string }>();
    await drain();
    const mail = smtp.received.find((m) => m.raw.includes(`${order.id}:accepted:email`));
    expect(mail?.to).toEqual(['caller@example.org']);
    expect(smsTo('13600000002')).toHaveLength(1);
    const notices = await noticesOf(order.id);
    expect(notices.map((n) => [n.channel, n.status])).toEqual([
      ['sms', 'sent'],
      ['email', 'sent'],
    ]);
    expect(notices[1].subject).toBe(`诉求受理回执：工单号${order.orderNo}`);
  });

  it('lets a confidential caller agree to SMS at intake (otherwise they hear nothing)', async () => {
    const base = {
      channel: 'phone',
      appealType: 'report',
      priority: 3,
      title: '举报',
      content: '有人倾倒垃圾',
      callerConfidential: true,
    };
    const agreed = await operator.post('/api/orders', { ...base, callerPhone: '13600000003', citizenContact: { sms: true } });
    const silent = await operator.post('/api/orders', { ...base, callerPhone: '13600000004' });
    await drain();
    expect((await noticesOf(agreed.json<{ id: string }>().id))[0]).toMatchObject({ status: 'sent' });
    expect((await noticesOf(silent.json<{ id: string }>().id))[0]).toMatchObject({ status: 'skipped', reason: 'not_agreed' });
  });

  it('refuses a malformed e-mail or an unknown field with 400 naming it, and writes nothing', async () => {
    const before = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await intake('13600000005', { sms: true, email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('body.citizenContact.email');
    const unknown = await intake('13600000005', { sms: true, fax: '0479-1234567' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { field: string } }>().error.field).toMatch(/^body\.citizenContact/);
    const after = await database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps the consent given at intake when the contact is changed later without it', async () => {
    const order = (await intake('13600000006', { sms: false })).json<{ id: string }>();
    const put = await operator.request({
      method: 'PUT',
      url: `/api/orders/${order.id}/citizen-contact`,
      payload: { email: 'later@example.org', lang: 'zh', consent: null },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<CitizenContactView>()).toMatchObject({ sms: false, email: 'later@example.org' });
  });
});
