import { describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/outbox/outbox.repository.js';
import { ensureJobLease } from '../../src/worker/job-lease.repository.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

/** The value of one series in a Prometheus text exposition, e.g. `lianxin_outbox_messages{state="due"}`. */
function series(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('liveness, readiness and request ids', () => {
  const { app } = useApp({ start: '2026-03-02T02:00:00Z' });

  it('answers /livez, /readyz and /healthz', async () => {
    for (const url of ['/livez', '/readyz', '/healthz']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    }
  });

  it("keeps a caller's plain request id and replaces anything else with a new one", async () => {
    const kept = await app.inject({ url: '/livez', headers: { 'x-request-id': 'gw-2026.12.07:abc-1' } });
    expect(kept.headers['x-request-id']).toBe('gw-2026.12.07:abc-1');
    const replaced = await app.inject({ url: '/livez', headers: { 'x-request-id': 'a b\u0000<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await app.inject({ url: '/livez' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers['x-request-id']).not.toBe(replaced.headers['x-request-id']);
  });
});

describe('/metrics from this machine', () => {
  const { app, w } = useApp({ start: '2026-03-02T02:00:00Z' });

  it('counts requests by route pattern, not by raw URL', async () => {
    const operator = await asUser(app, w, 'operator');
    await operator.get('/api/orders?limit=5');
    await operator.get('/api/orders/00000000-0000-0000-0000-000000000000');
    const body = (await app.inject({ url: '/metrics' })).body;
    expect(body).toContain('lianxin_http_request_duration_seconds_count{method="GET",route="/api/orders",status="200"} 1');
    expect(body).toMatch(/route="\/api\/orders\/:id",status="(404|400)"/);
    expect(body).not.toContain('00000000-0000');
    expect(body).toContain('lianxin_process_resident_memory_bytes');
  });

  it('reports the outbox backlog and its age, and each job’s lag, from the database', async () => {
    const now = w.clock.now();
    const before = (await app.inject({ url: '/metrics' })).body;
    const dueBefore = series(before, 'lianxin_outbox_messages{state="due"}') ?? 0;
    const tenMinutesAgo = new Date(now.getTime() - 10 * 60_000);
    await enqueueOutbox(w.deps.db, [{ topic: 'order.accepted', payload: { orderId: 'metrics-test' } }], tenMinutesAgo);
    await ensureJobLease(w.deps.db, 'metrics-test-job', new Date(now.getTime() - 90_000));

    const after = (await app.inject({ url: '/metrics' })).body;
    expect(series(after, 'lianxin_outbox_messages{state="due"}')).toBe(dueBefore + 1);
    expect(series(after, 'lianxin_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(600);
    expect(series(after, 'lianxin_job_lag_seconds{job="metrics-test-job"}')).toBe(90);
  });
});

describe('/metrics is not for strangers', () => {
  const { app } = useApp();

  it('refuses a request from another machine or through a proxy', async () => {
    const remote = await app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.body).not.toContain('lianxin_');
    const proxied = await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
  });
});

describe('/metrics with a token', () => {
  const { app } = useApp({ env: { LIANXIN_METRICS_TOKEN: 'scrape-secret-1' } });

  it('answers only the bearer of the token, from anywhere', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(403);
    const scraped = await app.inject({
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: 'Bearer scrape-secret-1' },
    });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    expect(scraped.body).toContain('lianxin_outbox_messages');
  });
});
