import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerDeps } from '../helpers/worker.js';
import { notify } from '../../src/notifications/notify.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { loadConfig } from '../../src/config/config.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld();
let server: http.Server;
let url: string;
const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  // A local receiver: no outbound network in tests.
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end('busy');
        return;
      }
      received.push({ headers: req.headers, body: JSON.parse(data) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

const send = (sourceKey: string) =>
  notify(
    w.deps.db,
    {
      kind: 'timelimit.red',
      centreId: w.centreId,
      orderId: null,
      textKey: 'notice.red',
      vars: { orderNo: '2503030001', stage: '答复', due: '2025-03-10 18:00' },
      audience: { unitId: w.units.deptA1.id, centreRoles: ['supervisor'] },
      sourceKey,
    },
    w.clock.now(),
  );

describe('notifications through the outbox', () => {
  it('creates one notice per recipient and posts one webhook, idempotently', async () => {
    const wd = workerDeps(w.deps, { LIANXIN_WEBHOOK_URL: url });
    await send('k1');
    await send('k1'); // same key: dropped
    await drainOutbox(wd, { handlers: outboxHandlers });
    await drainOutbox(wd, { handlers: outboxHandlers });
    const notices = await database.db.selectFrom('notices').select(['user_id', 'title']).where('source_key', '=', 'k1').execute();
    expect(new Set(notices.map((n) => n.user_id))).toEqual(new Set([w.actors.unit_handler.userId, w.actors.supervisor.userId]));
    expect(notices[0].title).toBe('工单 2503030001（答复）已超时，截止 2025-03-10 18:00');
    expect(received.length).toBe(1);
    expect(received[0].headers['x-lianxin-event']).toBe('timelimit.red');
    expect(received[0].body).toMatchObject({ event: 'timelimit.red', key: 'k1', centreId: w.centreId });
  });

  it('retries a failing receiver with exponential backoff until it answers', async () => {
    const wd = workerDeps(w.deps, { LIANXIN_WEBHOOK_URL: url });
    failuresLeft = 2;
    received.length = 0;
    await send('k2');
    await drainOutbox(wd, { handlers: outboxHandlers }); // notice + first attempt (503)
    const row = () =>
      database.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', 'webhook:k2').executeTakeFirstOrThrow();
    let r = await row();
    expect(r.attempts).toBe(1);
    expect(r.last_error).toBe('webhook answered HTTP 503');
    expect(r.available_at.getTime() - w.clock.now().getTime()).toBe(10_000);
    await drainOutbox(wd, { handlers: outboxHandlers });
    expect(received.length).toBe(0); // not due yet
    w.clock.advance(10_000);
    await drainOutbox(wd, { handlers: outboxHandlers }); // second attempt (503), next in 20 s
    r = await row();
    expect(r.available_at.getTime() - w.clock.now().getTime()).toBe(20_000);
    w.clock.advance(20_000);
    await drainOutbox(wd, { handlers: outboxHandlers });
    r = await row();
    expect(r.attempts).toBe(3);
    expect(r.done_at).not.toBeNull();
    expect(received.length).toBe(1);
    expect(received[0].headers['x-lianxin-delivery']).toBe(String(r.id));
  });

  it('sends no webhook when no URL is configured, and rejects a malformed URL at start-up', async () => {
    const wd = workerDeps(w.deps);
    await send('k3');
    await drainOutbox(wd, { handlers: outboxHandlers });
    const hooks = await database.db.selectFrom('outbox').select('id').where('dedupe_key', '=', 'webhook:k3').execute();
    expect(hooks).toEqual([]);
    expect(() => loadConfig({ LIANXIN_WEBHOOK_URL: 'ftp://x' })).toThrow(/LIANXIN_WEBHOOK_URL/);
  });
});
