import client from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Executor, PoolStats } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { jobLags, outboxBacklog, type JobLag } from './ops.repository.js';

export interface MetricsSources {
  db: Executor;
  clock: Clock;
  poolStats?: () => PoolStats;
}

/**
 * One registry per app (not prom-client's global one): tests build many apps in one process, and each
 * must count only its own requests. The database gauges are read when Prometheus scrapes (at most once
 * per DATABASE_FIGURES_TTL_MS), so an idle process costs nothing between scrapes.
 */
export function createMetrics(sources: MetricsSources): {
  registry: client.Registry;
  observeRequests(app: FastifyInstance): void;
} {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'lianxin_' });
  const requests = new client.Histogram({
    name: 'lianxin_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status: duration in seconds',
    labelNames: ['method', 'route', 'status'] as const,
    // 1 ms … 10 s: intake answers in milliseconds, exports and reports take seconds.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerDatabaseGauges(registry, sources);
  return {
    registry,
    observeRequests(app) {
      app.addHook('onResponse', async (request, reply) => {
        // The route pattern, never the raw URL: ids and query strings would make a series per order.
        const route = request.routeOptions.url ?? 'unmatched';
        requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      });
    },
  };
}

/**
 * How long one read of the database figures serves: however many gauges ask in a scrape, and however
 * many Prometheus servers scrape (two in an HA pair, each every 15 s), the database sees at most one
 * outbox count and one job-lease read per interval (ADR 0203).
 */
export const DATABASE_FIGURES_TTL_MS = 5_000;

/**
 * `read` at most once per `ttlMs` of the clock; callers in between (and during the read) share its
 * promise. A failed read is not kept, so the next scrape tries again.
 */
export function cachedRead<T>(read: () => Promise<T>, clock: Clock, ttlMs: number): () => Promise<T> {
  let kept: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (kept && now >= kept.at && now - kept.at < ttlMs) return kept.value;
    const value = read();
    const entry = { at: now, value };
    kept = entry;
    value.catch(() => {
      if (kept === entry) kept = null;
    });
    return value;
  };
}

const secondsSince = (then: Date, now: Date) => Math.max(0, (now.getTime() - then.getTime()) / 1000);

function registerDatabaseGauges(registry: client.Registry, { db, clock, poolStats }: MetricsSources): void {
  const figures = cachedRead(
    async () => {
      const [backlog, lags] = await Promise.all([outboxBacklog(db, clock.now()), jobLags(db)]);
      return { backlog, lags };
    },
    clock,
    DATABASE_FIGURES_TTL_MS,
  );
  /** The figures, or null when the database did not answer (the gauges are then left out, and _up says 0). */
  const read = () => figures().catch(() => null);
  const gauge = (name: string, help: string, labelNames: readonly string[], collect: (g: client.Gauge) => Promise<void> | void) =>
    new client.Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect: async function () {
        this.reset();
        await collect(this);
      },
    });

  gauge(
    'lianxin_database_up',
    '1 when the database answered the metrics read (at most one read every 5 s), else 0',
    [],
    async (g) => g.set((await read()) ? 1 : 0),
  );
  gauge('lianxin_outbox_messages', 'Outbox messages not yet done, by state (pending, due, failed)', ['state'], async (g) => {
    const b = (await read())?.backlog;
    if (!b) return;
    g.set({ state: 'pending' }, b.pending);
    g.set({ state: 'due' }, b.due);
    g.set({ state: 'failed' }, b.failed);
  });
  gauge(
    'lianxin_outbox_oldest_due_seconds',
    'Age of the oldest due outbox message (0 when the worker is up to date)',
    [],
    async (g) => {
      const b = (await read())?.backlog;
      if (b) g.set(b.oldestDueAt ? secondsSince(b.oldestDueAt, clock.now()) : 0);
    },
  );
  const perJob = (pick: (lag: JobLag) => number | null) => async (g: client.Gauge) => {
    for (const lag of (await read())?.lags ?? []) {
      const value = pick(lag);
      if (value !== null) g.set({ job: lag.name }, value);
    }
  };
  gauge(
    'lianxin_job_lag_seconds',
    'Seconds each periodic job is overdue (0 when not yet due)',
    ['job'],
    perJob((l) => secondsSince(l.nextRunAt, clock.now())),
  );
  gauge(
    'lianxin_job_last_run_seconds',
    "Duration of each periodic job's last finished run (the deadline sweep among them)",
    ['job'],
    perJob((l) => l.lastRunSeconds),
  );
  gauge(
    'lianxin_job_last_run_failed',
    "1 when a periodic job's last run ended in an error",
    ['job'],
    perJob((l) => (l.failedLastRun ? 1 : 0)),
  );
  // The server database's pool (node-postgres). The embedded database has one connection and no pool:
  // these series are absent there.
  if (poolStats) {
    gauge('lianxin_db_pool_connections', 'Database pool connections by state (total, idle, waiting clients)', ['state'], (g) => {
      const stats = poolStats();
      g.set({ state: 'total' }, stats.total);
      g.set({ state: 'idle' }, stats.idle);
      g.set({ state: 'waiting' }, stats.waiting);
    });
  }
}
