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
 * must count only its own requests. The database gauges are read when Prometheus scrapes, so an idle
 * process costs nothing between scrapes.
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
 * One database read shared by the gauges of one scrape: prom-client collects all gauges at once, so
 * the first collect starts the read and the others await the same promise.
 */
function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  return () => (current ??= read().finally(() => (current = null)));
}

function registerDatabaseGauges(registry: client.Registry, { db, clock, poolStats }: MetricsSources): void {
  const backlog = sharedRead(() => outboxBacklog(db, clock.now()));
  const lags = sharedRead(() => jobLags(db, clock.now()));
  const gauge = (name: string, help: string, labelNames: readonly string[], collect: (g: client.Gauge) => Promise<void> | void) =>
    new client.Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect: async function () {
        await collect(this);
      },
    });

  gauge('lianxin_outbox_messages', 'Outbox messages not yet done, by state (pending, due, failed)', ['state'], async (g) => {
    const b = await backlog();
    g.set({ state: 'pending' }, b.pending);
    g.set({ state: 'due' }, b.due);
    g.set({ state: 'failed' }, b.failed);
  });
  gauge(
    'lianxin_outbox_oldest_due_seconds',
    'Age of the oldest due outbox message (0 when the worker is up to date)',
    [],
    async (g) => g.set((await backlog()).oldestDueSeconds),
  );
  const perJob = (pick: (lag: JobLag) => number | null) => async (g: client.Gauge) => {
    g.reset();
    for (const lag of await lags()) {
      const value = pick(lag);
      if (value !== null) g.set({ job: lag.name }, value);
    }
  };
  gauge(
    'lianxin_job_lag_seconds',
    'Seconds each periodic job is overdue (0 when not yet due)',
    ['job'],
    perJob((l) => l.lagSeconds),
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
  if (poolStats) {
    gauge('lianxin_db_pool_connections', 'Database pool connections by state (total, idle, waiting clients)', ['state'], (g) => {
      const stats = poolStats();
      g.set({ state: 'total' }, stats.total);
      g.set({ state: 'idle' }, stats.idle);
      g.set({ state: 'waiting' }, stats.waiting);
    });
  }
}
