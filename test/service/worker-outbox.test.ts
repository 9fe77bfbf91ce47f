import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ManualClock } from '../../src/shared/clock.js';
import { dispatchOutboxBatch, drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { backoffDelayMs, type AnyOutboxHandler } from '../../src/worker/outbox-handlers.js';
import { runDuePeriodicJobs } from '../../src/worker/periodic-runner.service.js';
import type { PeriodicJob } from '../../src/worker/periodic-job.js';
import type { WorkerDeps } from '../../src/worker/worker-deps.js';
import { startWorker, workerTick } from '../../src/worker/worker.js';
import { useTestDatabase } from '../helpers/use-world.js';

const database = useTestDatabase();
let deps: WorkerDeps;
let clock: ManualClock;
const logs: string[] = [];

beforeAll(async () => {
  clock = new ManualClock('2025-03-03T02:00:00Z');
  deps = {
    db: database.db,
    clock,
    dataDir: '/tmp',
    settings: defaultDomainSettings(),
    config: loadConfig({}),
    log: (l) => logs.push(l),
  };
});

/**
 * The dispatcher's mechanics on made-up topics: outside the topic catalogue (src/outbox/outbox-topics.ts),
 * so the rows are written as raw SQL and their payloads are not checked.
 */
const enqueueRaw = (topic: string, payload: Record<string, unknown>) =>
  database.db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload), created_at: clock.now(), available_at: clock.now() })
    .execute();
interface TestHandler extends Pick<AnyOutboxHandler, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'> {
  topic: string;
  run: (deps: WorkerDeps, payload: any) => Promise<void>;
}
const asHandler = (h: TestHandler) => h as unknown as AnyOutboxHandler;

const rowsOf = (topic: string) => database.db.selectFrom('outbox').selectAll().where('topic', '=', topic).orderBy('id').execute();

describe('outbox dispatcher', () => {
  it('runs the handler of each topic once and marks the row done', async () => {
    const seen: unknown[] = [];
    const handler = asHandler({ topic: 't.ok', run: async (_d, payload) => void seen.push(payload.n) });
    for (let n = 1; n <= 5; n++) await enqueueRaw('t.ok', { n });
    const r = await drainOutbox(deps, { handlers: [handler], batchSize: 2, topics: ['t.ok'] });
    expect(r).toEqual({ claimed: 5, done: 5, retried: 0, failed: 0 });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const rows = await rowsOf('t.ok');
    expect(rows.every((row) => row.done_at !== null && row.attempts === 1)).toBe(true);
    expect((await drainOutbox(deps, { handlers: [handler], topics: ['t.ok'] })).claimed).toBe(0);
  });

  it('retries a failing handler with exponential backoff and gives up after maxAttempts', async () => {
    let calls = 0;
    const handler = asHandler({
      topic: 't.fail',
      maxAttempts: 3,
      baseDelayMs: 1000,
      run: async () => {
        calls += 1;
        throw new Error('receiver down');
      },
    });
    await enqueueRaw('t.fail', {});
    const opts = { handlers: [handler], topics: ['t.fail'] };
    expect((await dispatchOutboxBatch(deps, opts)).retried).toBe(1);
    let [row] = await rowsOf('t.fail');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('receiver down');
    expect(row.available_at.getTime() - clock.now().getTime()).toBe(1000);
    expect((await dispatchOutboxBatch(deps, opts)).claimed).toBe(0); // not due yet
    clock.advance(1000);
    expect((await dispatchOutboxBatch(deps, opts)).retried).toBe(1);
    [row] = await rowsOf('t.fail');
    expect(row.available_at.getTime() - clock.now().getTime()).toBe(2000); // doubled
    clock.advance(2000);
    expect((await dispatchOutboxBatch(deps, opts)).failed).toBe(1);
    [row] = await rowsOf('t.fail');
    expect(row.failed_at).not.toBeNull();
    expect(row.done_at).not.toBeNull();
    expect(calls).toBe(3);
    clock.advance(3_600_000);
    expect((await dispatchOutboxBatch(deps, opts)).claimed).toBe(0);
    expect(backoffDelayMs(30)).toBe(3_600_000);
  });

  it('retires messages of a topic without a handler', async () => {
    await enqueueRaw('t.nobody', {});
    expect((await drainOutbox(deps, { handlers: [], topics: ['t.nobody'] })).done).toBe(1);
    const [row] = await rowsOf('t.nobody');
    expect(row.last_error).toBe('no handler for this topic');
  });

  it('leaves a topic it does not know for a newer worker, and retires the event-only topics', async () => {
    await enqueueRaw('t.from-a-newer-version', {});
    await enqueueRaw('order.transitioned', {});
    await workerTick(deps, 'older-worker', { jobs: [], handlers: [] });
    const [unknown] = await rowsOf('t.from-a-newer-version');
    expect(unknown.done_at).toBeNull();
    expect(unknown.attempts).toBe(0);
    expect((await rowsOf('order.transitioned')).every((r) => r.done_at !== null)).toBe(true);
  });

  it('lets two dispatchers claim disjoint rows (each message handled once)', async () => {
    const seen: number[] = [];
    const handler = asHandler({
      topic: 't.par',
      run: async (_d, payload) => {
        await new Promise((r) => setTimeout(r, 2));
        seen.push(Number(payload.n));
      },
    });
    for (let n = 0; n < 60; n++) await enqueueRaw('t.par', { n });
    const opts = { handlers: [handler], batchSize: 7, topics: ['t.par'] };
    const [a, b] = await Promise.all([drainOutbox(deps, opts), drainOutbox(deps, opts)]);
    expect(a.done + b.done).toBe(60);
    expect(seen.length).toBe(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('a claimed row stays invisible until its lease runs out (crashed dispatcher)', async () => {
    await enqueueRaw('t.lease', {});
    const { claimOutboxBatch } = await import('../../src/outbox/outbox-claim.repository.js');
    const first = await claimOutboxBatch(deps.db, { now: clock.now(), limit: 10, leaseMs: 60_000, topics: ['t.lease'] });
    expect(first.length).toBe(1);
    expect((await claimOutboxBatch(deps.db, { now: clock.now(), limit: 10, leaseMs: 60_000, topics: ['t.lease'] })).length).toBe(
      0,
    );
    clock.advance(60_000);
    const again = await claimOutboxBatch(deps.db, { now: clock.now(), limit: 10, leaseMs: 60_000, topics: ['t.lease'] });
    expect(again.map((r) => r.attempts)).toEqual([2]);
  });
});

describe('periodic jobs', () => {
  it('runs a job once per interval across several processes', async () => {
    let runs = 0;
    const job: PeriodicJob = { name: 'test-job', everyMs: 60_000, run: async () => void (runs += 1) };
    const results = await Promise.all([
      runDuePeriodicJobs(deps, [job], 'p1'),
      runDuePeriodicJobs(deps, [job], 'p2'),
      runDuePeriodicJobs(deps, [job], 'p3'),
    ]);
    expect(runs).toBe(1);
    expect(results.flat().filter((r) => r.ran).length).toBe(1);
    clock.advance(30_000);
    await runDuePeriodicJobs(deps, [job], 'p1');
    expect(runs).toBe(1);
    clock.advance(30_000);
    await Promise.all([runDuePeriodicJobs(deps, [job], 'p2'), runDuePeriodicJobs(deps, [job], 'p1')]);
    expect(runs).toBe(2);
  });

  it('records a failing job and keeps running the others', async () => {
    const bad: PeriodicJob = { name: 'bad-job', everyMs: 1000, run: async () => Promise.reject(new Error('boom')) };
    let good = 0;
    const ok: PeriodicJob = { name: 'good-job', everyMs: 1000, run: async () => void (good += 1) };
    const runs = await runDuePeriodicJobs(deps, [bad, ok], 'p1');
    expect(runs.map((r) => [r.name, r.error ?? null])).toEqual([
      ['bad-job', 'boom'],
      ['good-job', null],
    ]);
    expect(good).toBe(1);
    const lease = await database.db.selectFrom('job_leases').selectAll().where('name', '=', 'bad-job').executeTakeFirstOrThrow();
    expect(lease.last_error).toBe('boom');
  });

  it('the worker loop ticks jobs and the outbox and stops cleanly', async () => {
    let jobRuns = 0;
    const handled: number[] = [];
    await enqueueRaw('t.loop', { n: 1 });
    const worker = startWorker(deps, {
      pollMs: 20,
      jobs: [{ name: 'loop-job', everyMs: 1000, run: async () => void (jobRuns += 1) }],
      handlers: [asHandler({ topic: 't.loop', run: async (_d, p) => void handled.push(Number(p.n)) })],
    });
    const r = await worker.tick();
    await worker.stop();
    expect(jobRuns).toBe(1);
    expect(handled).toEqual([1]);
    expect(r.jobs[0].name).toBe('loop-job');
  });
});
