import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { buildApp } from '../../src/http/app.js';
import { createMetrics, DATABASE_FIGURES_TTL_MS } from '../../src/ops/metrics.js';
import { readinessProbe } from '../../src/ops/readiness.service.js';
import { enqueueOutbox } from '../../src/outbox/outbox.repository.js';
import { ManualClock } from '../../src/shared/clock.js';
import { ensureJobLease } from '../../src/worker/job-lease.repository.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { useApp } from '../helpers/use-world.js';

/** The value of one series in a Prometheus text exposition, e.g. `lianxin_outbox_messages{state="due"}`. */
function series(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

const TOKEN = 'scrape-secret-0123456789';

// One world for the file (building one is the slow part); the apps with other settings share it.
const { app, w, database } = useApp({ start: '2026-03-02T02:00:00Z' });
// One sign-in (a password hash is slow on a loaded machine); its session works on every app of the file.
let session: string;
beforeAll(async () => {
  session = (await asUser(app, w, 'operator')).token;
});
const asOperator = (on: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  on.inject({ url, headers: { ...headers, cookie: `lianxin_session=${session}` } });

describe('liveness and readiness', () => {
  it('answers /livez and /healthz (liveness) and /readyz with its checks', async () => {
    for (const url of ['/livez', '/healthz']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    }
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('is not ready while a migration this code knows is missing, and ready again once it is applied', async () => {
    const { rows } = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration order by name desc limit 1`.execute(w.deps.db);
    const last = rows[0]!;
    await sql`delete from kysely_migration where name = ${last.name}`.execute(w.deps.db);
    const fresh = await buildTestApp(w);
    try {
      const behind = await fresh.inject({ url: '/readyz' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json().error).toMatchObject({ code: 'MIGRATIONS_PENDING', pending: 1, firstPending: last.name });
      expect(behind.json().error.messageEn).toContain('lianxin migrate');
      // Liveness does not care: restarting would not help.
      expect((await fresh.inject({ url: '/livez' })).statusCode).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(w.deps.db);
    }
    try {
      expect((await fresh.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('is not ready when the database is closed, while the process metrics still answer', async () => {
    // The probe and the metrics of an app, on a database of their own that is then closed (no second
    // app: building one is the slow part of these tests, and the route is the one exercised above).
    const closed = await createTestDatabase();
    const probe = readinessProbe(closed.db);
    const metrics = createMetrics({ db: closed.db, clock: new ManualClock('2026-03-02T02:00:00Z') });
    expect(await probe()).toMatchObject({ ready: true });
    await closed.close();
    expect(await probe()).toMatchObject({ ready: false, code: 'DB_DOWN', message: 'error.dbDown' });
    const body = await metrics.registry.metrics();
    expect(series(body, 'lianxin_database_up')).toBe(0);
    expect(body).toContain('lianxin_process_resident_memory_bytes');
    expect(body).not.toMatch(/^lianxin_outbox_messages\{/m);
  });
});

describe('request ids and the request log', () => {
  it("keeps a caller's plain request id and replaces anything else with a new one", async () => {
    const kept = await app.inject({ url: '/livez', headers: { 'x-request-id': 'gw-2026.12.07:abc-1' } });
    expect(kept.headers['x-request-id']).toBe('gw-2026.12.07:abc-1');
    for (const bad of ['a b\u0000<script>', 'x'.repeat(65), 'ok"}{"level":60']) {
      const replaced = await app.inject({ url: '/livez', headers: { 'x-request-id': bad } });
      expect(replaced.headers['x-request-id'], bad).toMatch(/^[0-9a-f-]{36}$/);
    }
    const one = await app.inject({ url: '/livez' });
    const two = await app.inject({ url: '/livez' });
    expect(one.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(one.headers['x-request-id']).not.toBe(two.headers['x-request-id']);
  });

  it('writes one JSON line per request, each carrying its request id, route pattern and no phone number', async () => {
    const lines: Record<string, unknown>[] = [];
    const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir, LIANXIN_SESSION_IDLE_MINUTES: '0' });
    const logged = await buildApp(
      { deps: { ...w.deps, settings: domainSettings(config) }, config },
      { logger: { level: 'info', stream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) } } },
    );
    try {
      const order = await newOrder(w);
      lines.length = 0;
      const detail = await asOperator(logged, `/api/orders/${order.id}`, { 'x-request-id': 'trace-42' });
      expect(detail.statusCode).toBe(200);
      expect(detail.headers['x-request-id']).toBe('trace-42');
      const search = await asOperator(logged, '/api/orders?callerPhone=13812341234');
      const missing = await logged.inject({ url: '/no-such-page?phone=13812341234' });

      expect(lines.length).toBe(3);
      expect(lines.map((l) => l.reqId)).toEqual(['trace-42', search.headers['x-request-id'], missing.headers['x-request-id']]);
      expect(lines[0]).toMatchObject({ msg: 'request completed', route: '/api/orders/:id', res: { statusCode: 200 } });
      expect(lines[0]!.responseTime).toEqual(expect.any(Number));
      expect(lines[2]).toMatchObject({ res: { statusCode: 404 } });
      expect(JSON.stringify(lines)).not.toContain('13812341234');
    } finally {
      await logged.close();
    }
  });
});

describe('/metrics from this machine', () => {
  it('counts requests by route pattern, never by the raw URL (no ids, order numbers or phone numbers)', async () => {
    const order = await newOrder(w, { callerPhone: '13912345678' });
    await asOperator(app, '/api/orders?limit=5');
    await asOperator(app, '/api/orders?callerPhone=13912345678');
    expect((await asOperator(app, `/api/orders/${order.id}`)).statusCode).toBe(200);
    await asOperator(app, `/api/orders/${order.id}/timeline`);
    await asOperator(app, '/api/orders/00000000-0000-0000-0000-000000000000');
    await app.inject({ url: `/no-such-page/${order.order_no}` });

    const body = (await app.inject({ url: '/metrics' })).body;
    expect(body).toContain('lianxin_http_request_duration_seconds_count{method="GET",route="/api/orders",status="200"} 2');
    expect(body).toContain('lianxin_http_request_duration_seconds_count{method="GET",route="/api/orders/:id",status="200"} 1');
    expect(body).toContain(
      'lianxin_http_request_duration_seconds_count{method="GET",route="/api/orders/:id/timeline",status="200"} 1',
    );
    expect(body).toMatch(/route="\/api\/orders\/:id",status="(404|400)"/);
    expect(body).toContain('route="unmatched",status="404"');
    for (const raw of [order.id, order.order_no, '13912345678', '00000000-0000']) expect(body).not.toContain(raw);
    expect(body).toContain('lianxin_process_resident_memory_bytes');
    expect(series(body, 'lianxin_database_up')).toBe(1);
  });

  it('reports the outbox backlog, its age and each job’s lag, read from the database at most once in 5 s', async () => {
    const now = w.clock.now();
    const before = (await app.inject({ url: '/metrics' })).body;
    const dueBefore = series(before, 'lianxin_outbox_messages{state="due"}') ?? 0;
    await enqueueOutbox(
      w.deps.db,
      [{ topic: 'order.accepted', payload: { orderId: 'metrics-test' } }],
      new Date(now.getTime() - 600_000),
    );
    await ensureJobLease(w.deps.db, 'metrics-test-job', new Date(now.getTime() - 90_000));

    // Within the interval the scrape answers from the figures already read.
    const cached = (await app.inject({ url: '/metrics' })).body;
    expect(series(cached, 'lianxin_outbox_messages{state="due"}')).toBe(dueBefore);
    expect(series(cached, 'lianxin_job_lag_seconds{job="metrics-test-job"}')).toBeUndefined();

    w.clock.advance(DATABASE_FIGURES_TTL_MS);
    const after = (await app.inject({ url: '/metrics' })).body;
    expect(series(after, 'lianxin_outbox_messages{state="due"}')).toBe(dueBefore + 1);
    expect(series(after, 'lianxin_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(605);
    expect(series(after, 'lianxin_job_lag_seconds{job="metrics-test-job"}')).toBe(95);
    // Ages move with the clock between reads, without a new read.
    w.clock.advance(1_000);
    const later = (await app.inject({ url: '/metrics' })).body;
    expect(series(later, 'lianxin_job_lag_seconds{job="metrics-test-job"}')).toBe(96);
  });
});

describe('/metrics is not for strangers', () => {
  let tokenApp: FastifyInstance;
  beforeAll(async () => {
    // Also given the database's pool, as the server is (src/server.ts).
    const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir, LIANXIN_METRICS_TOKEN: TOKEN });
    tokenApp = await buildApp({ deps: { ...w.deps, settings: domainSettings(config) }, config, poolStats: database.poolStats });
  });
  afterAll(async () => tokenApp?.close());

  it('without a token set, refuses a request from another machine or through a proxy', async () => {
    const remote = await app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('FORBIDDEN');
    expect(remote.body).not.toContain('lianxin_');
    const proxied = await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
  });

  it('with a token set, answers only its bearer, from anywhere: none is 401, another is 403', async () => {
    const none = await tokenApp.inject({ url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.body).not.toContain('lianxin_http');
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`]) {
      const wrong = await tokenApp.inject({ url: '/metrics', headers: { authorization } });
      expect(wrong.statusCode, authorization).toBe(authorization.startsWith('Bearer') ? 403 : 401);
      expect(wrong.body).not.toContain('lianxin_http');
    }
    const scraped = await tokenApp.inject({
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    expect(scraped.body).toContain('lianxin_outbox_messages');
  });

  it('shows the server database pool on PostgreSQL, and no pool series on the embedded database', async () => {
    const body = (await tokenApp.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    if (database.poolStats) {
      expect(series(body, 'lianxin_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(series(body, 'lianxin_db_pool_connections{state="idle"}')).toEqual(expect.any(Number));
      expect(series(body, 'lianxin_db_pool_connections{state="waiting"}')).toEqual(expect.any(Number));
    } else {
      expect(body).not.toContain('lianxin_db_pool_connections');
    }
  });

  it('refuses a metrics token too short to resist guessing, at start-up', () => {
    expect(() => loadConfig({ LIANXIN_METRICS_TOKEN: 'short' })).toThrow(/LIANXIN_METRICS_TOKEN must be at least 16 characters/);
  });
});
