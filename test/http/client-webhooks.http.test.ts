import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/apiclients/api-client.service.js';
import { createClientWebhook } from '../../src/webhooks/client-webhook.service.js';
import { notify } from '../../src/notifications/notify.js';
import { signWebhook, verifyWebhook } from '../../src/webhooks/webhook-signature.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { systemActor, type Actor } from '../../src/users/roles.js';
import type { Order } from '../../src/db/schema.js';
import type { WebhookEvent } from '../../src/contract/client-webhooks.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

const ENV = { LIANXIN_WEBHOOK_PAUSE_AFTER: '3' };
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: ENV });

/** A real receiver on loopback: records every POST (raw bytes and headers), answers the planned statuses. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; created_at: string; data: Record<string, unknown> };
}
const received: Received[] = [];
let answers: number[] = [];
let failing = false;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
      res.writeHead(failing ? 500 : (answers.shift() ?? 204)).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

const drain = () => drainOutbox(workerDeps(w.deps, ENV), { handlers: outboxHandlers, topics: ['client.webhook'] });
const advance = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms));
const header = (r: Received, name: string) => r.headers[name] as string;
const from = (path: string) => received.filter((r) => r.path === path);

async function subscribedClient(name: string, events: WebhookEvent[], path: string) {
  const { client } = await createApiClient(w.deps, null, w.centreId, { name, scopes: ['submit', 'read', 'webhooks'] });
  const target = { centreId: w.centreId, clientId: client.id };
  const { webhook, secret } = await createClientWebhook(w.deps, null, target, { url: `${base}${path}`, events });
  const actor: Actor = { ...systemActor(w.centreId, name), apiClientId: client.id };
  return { client, webhook, secret, actor };
}

const deliveryRows = (webhookId: string) =>
  w.deps.db.selectFrom('client_webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id').execute();

describe('client webhooks: the administrator’s API', () => {
  let admin: Client;
  let clientId = '';
  beforeAll(async () => {
    admin = await asUser(app, w, 'admin');
    const { client } = await createApiClient(w.deps, null, w.centreId, { name: '网格平台', scopes: ['submit'] });
    clientId = client.id;
  });
  const url = () => `/api/api-clients/${clientId}/webhooks`;

  it('refuses a client without the webhooks scope, with a clear message', async () => {
    const res = await admin.post(url(), { url: `${base}/grid`, events: ['order.closed'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('接收推送');
    expect(res.json().error.messageEn).toContain('webhooks scope');
    expect((await admin.get(url())).json()).toMatchObject({ webhooks: [], scopeGranted: false, pauseAfterFailures: 3 });
  });

  it('answers 400 naming the field for a bad URL or no events; only the system administrator may', async () => {
    await admin.request({ method: 'PATCH', url: `/api/api-clients/${clientId}`, payload: { scopes: ['submit', 'webhooks'] } });
    for (const bad of ['ftp://example.com/hook', 'not a url', 'http://example.com/hook', 'https://user:pw@example.com/']) {
      const res = await admin.post(url(), { url: bad, events: ['order.closed'] });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.field, bad).toBe('url');
      // A Chinese message naming the field and what is wrong, not the generic 输入有误：url.
      expect(res.json().error.message, bad).toMatch(/^回调地址（url）/);
    }
    const plain = await admin.post(url(), { url: 'http://example.com/hook', events: ['order.closed'] });
    expect(plain.json().error.message).toBe('回调地址（url）必须使用 https://（只有本机地址可以用 http://）');
    const noEvents = await admin.post(url(), { url: `${base}/grid`, events: [] });
    expect(noEvents.statusCode).toBe(400);
    expect(noEvents.json().error.message).toContain('events');
    const operator = await asUser(app, w, 'operator');
    expect((await operator.post(url(), { url: `${base}/grid`, events: ['order.closed'] })).statusCode).toBe(403);
  });

  it('shows the secret once (sealed at rest), rotates it, deletes the subscription', async () => {
    const res = await admin.post(url(), { url: 'https://grid.example.gov.cn/lianxin', events: ['order.closed'] });
    expect(res.statusCode).toBe(201);
    const { webhook, secret } = res.json() as { webhook: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const list = await admin.get(url());
    expect(list.body).not.toContain(secret);
    expect(list.json().webhooks).toHaveLength(1);
    const stored = await sql<{
      webhook_secret: string;
    }>`select webhook_secret from client_webhooks where id = ${webhook.id}`.execute(w.deps.db.withoutPlugins());
    expect(stored.rows[0]!.webhook_secret).toMatch(/^lx1:/);
    expect(stored.rows[0]!.webhook_secret).not.toContain(secret.slice(6));
    const rotated = await admin.post(`${url()}/${webhook.id}/rotate-secret`);
    expect(rotated.json().secret).not.toBe(secret);
    expect((await admin.request({ method: 'DELETE', url: `${url()}/${webhook.id}` })).statusCode).toBe(204);
    expect((await admin.get(url())).json().webhooks).toEqual([]);
    expect((await admin.get(`${url()}/${webhook.id}/deliveries`)).statusCode).toBe(404);
  });
});

describe('client webhooks: deliveries to a loopback receiver', () => {
  let a: Awaited<ReturnType<typeof subscribedClient>>;
  let b: Awaited<ReturnType<typeof subscribedClient>>;
  let order: Order;
  beforeAll(async () => {
    a = await subscribedClient('蒙速办', ['order.accepted', 'order.dispatched', 'order.replied', 'order.closed'], '/a');
    b = await subscribedClient('小程序后台', ['order.accepted', 'order.status_changed'], '/b');
  });

  it('a step of the client’s own order is one signed delivery; other clients’ and staff orders are not', async () => {
    order = await newOrder(w, { channel: 'open_api', callerName: '王小明', callerPhone: '13912345678' }, a.actor);
    await newOrder(w); // staff intake: nobody's
    await newOrder(w, { channel: 'open_api' }, b.actor);
    await newOrder(w, { channel: 'open_api', callerConfidential: true }, a.actor); // confidential: never told
    await drain();
    expect(from('/a')).toHaveLength(1);
    expect(from('/b')).toHaveLength(1);
    const [accepted] = from('/a');
    expect(header(accepted!, 'x-lianxin-event')).toBe('order.accepted');
    expect(header(accepted!, 'x-lianxin-delivery')).toBe(accepted!.body.id);
    expect(Number(header(accepted!, 'x-lianxin-timestamp'))).toBe(Math.floor(w.clock.now().getTime() / 1000));
    expect(header(accepted!, 'x-lianxin-signature')).toBe(
      signWebhook(a.secret, header(accepted!, 'x-lianxin-timestamp'), accepted!.raw),
    );
    const check = (secret: string, nowMs = w.clock.now().getTime()) =>
      verifyWebhook({
        secret,
        body: accepted!.raw,
        timestamp: header(accepted!, 'x-lianxin-timestamp'),
        signature: header(accepted!, 'x-lianxin-signature'),
        nowMs,
      });
    expect(check(a.secret)).toEqual({ ok: true });
    expect(check(b.secret)).toEqual({ ok: false, reason: 'signature' });
    // A replay six minutes later is refused by a receiver that checks the timestamp.
    expect(check(a.secret, w.clock.now().getTime() + 6 * 60_000)).toEqual({ ok: false, reason: 'stale' });
    expect(accepted!.body.data).toMatchObject({ service_request_id: order.order_no, status: 'open', state: 'accepted' });
    for (const secretWord of ['王小明', '13912345678', order.content]) expect(accepted!.raw).not.toContain(secretWord);

    order = await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    order = await act(w, w.actors.unit_handler, order, 'sign', {}); // not an event A asked for
    await drain();
    expect(from('/a').map((r) => r.body.event)).toEqual(['order.accepted', 'order.dispatched']);
    expect(from('/a')[1]!.body.data).toMatchObject({
      agency_responsible: 'A旗住建局',
      status_notes: '待签收',
      description: '已转交 A旗住建局 办理',
    });
    expect(from('/b')).toHaveLength(1); // B's subscription hears only B's orders
  });

  it('a 500 is retried with the outbox’s backoff (same delivery id, a new timestamp), then succeeds', async () => {
    answers = [500];
    order = await act(w, w.actors.unit_handler, order, 'reply', { result: 'resolved', text: '已修复' });
    await drain();
    const before = from('/a').length;
    await drain(); // not due yet
    expect(from('/a')).toHaveLength(before);
    advance(10_000);
    await drain();
    const [failed, ok] = from('/a').slice(-2);
    expect(header(ok!, 'x-lianxin-delivery')).toBe(header(failed!, 'x-lianxin-delivery'));
    expect(Number(header(ok!, 'x-lianxin-timestamp')) - Number(header(failed!, 'x-lianxin-timestamp'))).toBe(10);
    expect(ok!.body.event).toBe('order.replied');
    const log = (await deliveryRows(a.webhook.id)).slice(-2);
    expect(log.map((r) => [r.attempt, r.outcome, r.status_code])).toEqual([
      [1, 'failed', 500],
      [2, 'delivered', 204],
    ]);
    expect(log[0]!.error).toBe('HTTP 500');
    const hook = await w.deps.db
      .selectFrom('client_webhooks')
      .selectAll()
      .where('id', '=', a.webhook.id)
      .executeTakeFirstOrThrow();
    expect(hook.consecutive_failures).toBe(0);
  });

  it('pauses after N consecutive failures, skips while paused; the administrator resumes it', async () => {
    const admin = await asUser(app, w, 'admin');
    const hooks = `/api/api-clients/${a.client.id}/webhooks`;
    failing = true;
    for (let i = 0; i < 3; i++) await newOrder(w, { channel: 'open_api' }, a.actor);
    await drain();
    let view = (await admin.get(hooks)).json().webhooks[0];
    expect(view).toMatchObject({ pauseReason: 'failures', consecutiveFailures: 3 });
    expect(view.pausedAt).not.toBeNull();
    // A ping is one attempt, never retried and never counted.
    expect((await admin.post(`${hooks}/${a.webhook.id}/ping`)).statusCode).toBe(202);
    await drain();
    // The retries of the three come due: skipped, not sent; a new step while paused queues nothing.
    const sent = received.length;
    advance(10_000);
    await newOrder(w, { channel: 'open_api' }, a.actor);
    await drain();
    expect(received.length).toBe(sent);
    const log = await admin.get(`${hooks}/${a.webhook.id}/deliveries?limit=4`);
    expect(log.json().deliveries.map((d: { outcome: string }) => d.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'failed']);
    expect(log.json().deliveries[3]).toMatchObject({ event: 'ping', statusCode: 500, attempt: 1 });
    expect((await admin.get(hooks)).json().webhooks[0].consecutiveFailures).toBe(3);

    failing = false;
    view = (await admin.post(`${hooks}/${a.webhook.id}/resume`)).json();
    expect(view).toMatchObject({ pausedAt: null, pauseReason: null, consecutiveFailures: 0 });
    const next = await newOrder(w, { channel: 'open_api' }, a.actor);
    await drain();
    expect(received.at(-1)!.body.data.service_request_id).toBe(next.order_no);
    const [latest] = (await admin.get(`${hooks}/${a.webhook.id}/deliveries?limit=1`)).json().deliveries;
    expect(latest).toMatchObject({ event: 'order.accepted', outcome: 'delivered', statusCode: 204, orderId: next.id });
    expect(latest.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('the server’s own receiver accepts a signed delivery and refuses a tampered or replayed one', async () => {
    const body = JSON.stringify({ id: 'x', event: 'ping' });
    /** Signs `signed` with `secret` at `at`, and sends `sent` (the same bytes unless tampered with). */
    const send = (at: Date, secret = a.secret, signed = body, sent = signed) => {
      const ts = String(Math.floor(at.getTime() / 1000));
      return app.inject({
        method: 'POST',
        url: '/api/webhooks/loopback',
        headers: {
          'content-type': 'application/json',
          'x-lianxin-webhook': a.webhook.id,
          'x-lianxin-timestamp': ts,
          'x-lianxin-signature': signWebhook(secret, ts, signed),
        },
        payload: sent,
      });
    };
    const now = w.clock.now();
    expect((await send(now)).statusCode).toBe(204);
    expect((await send(now, b.secret)).statusCode).toBe(401);
    expect((await send(new Date(now.getTime() - 6 * 60_000))).statusCode).toBe(401);
    expect((await send(now, a.secret, body, body.replace('ping', 'pong'))).statusCode).toBe(401);
  });
});

describe('the staff-notice webhook (LIANXIN_WEBHOOK_URL)', () => {
  it('is signed the same way once LIANXIN_WEBHOOK_SECRET is set (unsigned, as before, without it)', async () => {
    const secret = 'staff-webhook-secret-0123456789';
    const send = async (sourceKey: string, env: Record<string, string>) => {
      await notify(
        w.deps.db,
        {
          kind: 'timelimit.red',
          centreId: w.centreId,
          orderId: null,
          textKey: 'notice.red',
          vars: { orderNo: '2503030001', stage: '答复', due: '2025-03-10 18:00' },
          audience: { centreRoles: ['supervisor'] },
          sourceKey,
        },
        w.clock.now(),
      );
      await drainOutbox(workerDeps(w.deps, env), { handlers: outboxHandlers, topics: ['notify', 'webhook.deliver'] });
      return from('/staff').at(-1)!;
    };
    const plain = await send('staff-1', { LIANXIN_WEBHOOK_URL: `${base}/staff` });
    expect(plain.headers['x-lianxin-signature']).toBeUndefined();
    const signed = await send('staff-2', { LIANXIN_WEBHOOK_URL: `${base}/staff`, LIANXIN_WEBHOOK_SECRET: secret });
    const check = verifyWebhook({
      secret,
      body: signed.raw,
      timestamp: header(signed, 'x-lianxin-timestamp'),
      signature: header(signed, 'x-lianxin-signature'),
      nowMs: w.clock.now().getTime(),
    });
    expect(check).toEqual({ ok: true });
    expect(signed.body.event).toBe('timelimit.red');
  });
});
