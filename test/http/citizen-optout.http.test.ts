import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, buildTestApp } from '../helpers/http.js';
import { useWorld } from '../helpers/use-world.js';
import { newOrder } from '../helpers/orders.js';
import { workerDeps } from '../helpers/worker.js';
import { startSmsGateway } from '../helpers/notice-gateways.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { PHONE_SESSION_MINUTES } from '../../src/portal/portal-optout.service.js';

// Issue 16: a citizen's opt-out, recorded by staff on the citizen's word (POST /api/citizen-notices/opt-outs)
// or switched by the citizen on the portal's 我的诉求 with the phone proved by its code. After it no SMS
// is queued for that phone; the verification codes the citizen asks for still go.
const { database, w } = useWorld();
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let app: FastifyInstance;
let env: Record<string, string>;

beforeAll(async () => {
  gateway = await startSmsGateway();
  env = { LIANXIN_SMS_PROVIDER: 'http', LIANXIN_SMS_URL: gateway.url };
  app = await buildTestApp(w, env);
});
afterAll(async () => {
  await app?.close();
  await gateway?.close();
});

const drain = () => drainOutbox(workerDeps(w.deps, env), { handlers: outboxHandlers });
const textsTo = (phone: string) =>
  gateway.hits
    .map((h) => JSON.parse(h.body) as { to: string; text: string })
    .filter((b) => b.to === phone)
    .map((b) => b.text);
const receiptOf = (orderId: string) =>
  database.db
    .selectFrom('citizen_notices')
    .select(['status', 'reason'])
    .where('order_id', '=', orderId)
    .where('event', '=', 'accepted')
    .executeTakeFirstOrThrow();

/** Asks the portal for a code and reads it from the SMS the loopback gateway received. */
async function portalCode(phone: string, ip: string) {
  const ask = await app.inject({ method: 'POST', url: '/api/portal/otp', payload: { phone }, remoteAddress: ip });
  expect(ask.statusCode).toBe(200);
  await drain();
  return /验证码为(\d{6})/.exec(textsTo(phone).at(-1) ?? '')![1];
}

describe('opting out of SMS notices', () => {
  it('staff record an opt-out on the citizen’s word (admin or supervisor only); nothing is queued for the phone after', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    const operator = await asUser(app, w, 'operator');
    const forbidden = await operator.post('/api/citizen-notices/opt-outs', { address: '13500000001', optedOut: true });
    expect(forbidden.statusCode).toBe(403);
    const bad = await supervisor.post('/api/citizen-notices/opt-outs', { address: 'abc', optedOut: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('address');
    const missing = await supervisor.post('/api/citizen-notices/opt-outs', { address: '13500000001' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { field: string } }>().error.field).toBe('body.optedOut');

    const out = await supervisor.post('/api/citizen-notices/opt-outs', { address: '135 0000 0001', optedOut: true });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ address: '13500000001', optedOut: true });
    const stored = await database.db.selectFrom('citizen_opt_outs').selectAll().where('recipient', '=', '13500000001').execute();
    expect(stored).toMatchObject([{ centre_id: w.centreId, source: `staff:${w.actors.supervisor.userId}` }]);

    const quiet = await newOrder(w, { callerPhone: '13500000001' });
    await drain();
    expect(await receiptOf(quiet.id)).toEqual({ status: 'skipped', reason: 'opted_out' });
    expect(textsTo('13500000001')).toEqual([]);
    const queued = await database.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', 'citizen.send')
      .where('done_at', 'is', null)
      .execute();
    expect(queued).toEqual([]);

    // Back in: the next appeal's receipt goes again.
    expect((await supervisor.post('/api/citizen-notices/opt-outs', { address: '13500000001', optedOut: false })).statusCode).toBe(
      200,
    );
    const again = await newOrder(w, { callerPhone: '13500000001' });
    await drain();
    expect(await receiptOf(again.id)).toEqual({ status: 'sent', reason: null });
    expect(textsTo('13500000001')).toHaveLength(1);
  });

  it('the citizen switches SMS off on 我的诉求 with the proved phone; codes still come; the session is needed and expires', async () => {
    const phone = '13500000002';
    const first = await newOrder(w, { callerPhone: phone });
    await drain();
    expect(await receiptOf(first.id)).toMatchObject({ status: 'sent' });

    const code = await portalCode(phone, '10.7.0.1');
    const my = await app.inject({ method: 'POST', url: '/api/portal/my', payload: { phone, code }, remoteAddress: '10.7.0.1' });
    expect(my.statusCode).toBe(200);
    const { session, smsOptedOut } = my.json<{ session: string; smsOptedOut: boolean }>();
    expect(smsOptedOut).toBe(false);
    expect(session).toMatch(/^[\w-]{40,}$/);
    const stored = await database.db.selectFrom('portal_phone_sessions').selectAll().execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(session); // only the hash is kept

    const put = (headers: Record<string, string>, smsOptedOut: unknown) =>
      app.inject({ method: 'PUT', url: '/api/portal/my/notices', headers, payload: { smsOptedOut } });
    expect((await put({}, true)).statusCode).toBe(401);
    expect((await put({ 'x-portal-session': 'forged-token' }, true)).statusCode).toBe(401);
    const badBody = await put({ 'x-portal-session': session }, 'yes');
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json<{ error: { field: string } }>().error.field).toBe('body.smsOptedOut');
    const off = await put({ 'x-portal-session': session }, true);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ smsOptedOut: true });
    const row = await database.db
      .selectFrom('citizen_opt_outs')
      .selectAll()
      .where('recipient', '=', phone)
      .executeTakeFirstOrThrow();
    expect(row.source).toBe('portal');

    const sentBefore = textsTo(phone).length;
    const later = await newOrder(w, { callerPhone: phone });
    await drain();
    expect(await receiptOf(later.id)).toEqual({ status: 'skipped', reason: 'opted_out' });
    expect(textsTo(phone)).toHaveLength(sentBefore);
    // A code the citizen asks for is not a notice: it still comes, and 我的诉求 shows the choice.
    const code2 = await portalCode(phone, '10.7.0.2');
    expect(textsTo(phone)).toHaveLength(sentBefore + 1);
    const mine = await app.inject({
      method: 'POST',
      url: '/api/portal/my',
      payload: { phone, code: code2 },
      remoteAddress: '10.7.0.2',
    });
    expect(mine.json<{ smsOptedOut: boolean }>().smsOptedOut).toBe(true);

    // The session lives PHONE_SESSION_MINUTES; then the choice needs a new code.
    w.clock.advance(PHONE_SESSION_MINUTES * 60_000 + 1000);
    const expired = await put({ 'x-portal-session': session }, false);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ error: { message: string } }>().error.message).toContain('验证已过期');
    expect(
      (await database.db.selectFrom('citizen_opt_outs').select('recipient').where('recipient', '=', phone).execute()).length,
    ).toBe(1);
  });
});
