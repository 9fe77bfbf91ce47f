import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { loadConfig } from '../../src/config/config.js';
import { ManualClock } from '../../src/shared/clock.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import type { AnyOutboxHandler } from '../../src/worker/outbox-handlers.js';
import type { WorkerDeps } from '../../src/worker/worker-deps.js';
import { useTestDatabase } from '../helpers/use-world.js';

// Issue 16: a topic whose handler waits on the network (citizen.send) runs several claimed messages at
// once; messages with the same serial key (one order's notices) still run one after another, in order.
const database = useTestDatabase();
let deps: WorkerDeps;
let clock: ManualClock;

beforeAll(() => {
  clock = new ManualClock('2025-03-03T02:00:00Z');
  deps = { db: database.db, clock, dataDir: '/tmp', settings: defaultDomainSettings(), config: loadConfig({}), log: () => {} };
});

/** Made-up topics (outside the catalogue, payloads unchecked), as test/service/worker-outbox.test.ts does. */
const enqueue = (topic: string, payloads: Record<string, unknown>[]) =>
  database.db
    .insertInto('outbox')
    .values(payloads.map((p) => ({ topic, payload: JSON.stringify(p), created_at: clock.now(), available_at: clock.now() })))
    .execute();

/** A handler that records when each message starts and ends, and how many ran at once. */
function recorder(topic: string, opts: { concurrency?: number; serialKey?: (p: { key: string }) => string; failOn?: number }) {
  const log: string[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0, log };
  const handler = {
    topic,
    concurrency: opts.concurrency,
    serialKey: opts.serialKey,
    maxAttempts: 3,
    run: async (_d: WorkerDeps, p: { n: number; key: string }) => {
      inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      log.push(`start ${p.n}`);
      await new Promise((r) => setTimeout(r, 15));
      inFlight -= 1;
      log.push(`end ${p.n}`);
      if (p.n === opts.failOn) throw new Error('provider busy');
    },
  } as unknown as AnyOutboxHandler;
  return { handler, state };
}

describe('outbox messages run several at once where the handler allows it', () => {
  it('runs at most `concurrency` at a time, each once, and marks them all done', async () => {
    const { handler, state } = recorder('t.par', { concurrency: 4 });
    await enqueue(
      't.par',
      Array.from({ length: 12 }, (_, i) => ({ n: i + 1, key: `k${i}` })),
    );
    const r = await drainOutbox(deps, { handlers: [handler], topics: ['t.par'] });
    expect(r).toEqual({ claimed: 12, done: 12, retried: 0, failed: 0 });
    expect(state.maxInFlight).toBe(4);
    expect(state.log.filter((l) => l.startsWith('start')).sort()).toHaveLength(12);
  });

  it('keeps the messages of one serial key in claim order, never two of them at once', async () => {
    const { handler, state } = recorder('t.keyed', { concurrency: 8, serialKey: (p) => p.key });
    const keys = ['a', 'b', 'a', 'c', 'a', 'b'];
    await enqueue(
      't.keyed',
      keys.map((key, i) => ({ n: i + 1, key })),
    );
    await drainOutbox(deps, { handlers: [handler], topics: ['t.keyed'] });
    const order = (key: string) => state.log.filter((l) => keys[Number(l.split(' ')[1]) - 1] === key);
    // a: 1, 3, 5 strictly one after another; b: 2 then 6.
    expect(order('a')).toEqual(['start 1', 'end 1', 'start 3', 'end 3', 'start 5', 'end 5']);
    expect(order('b')).toEqual(['start 2', 'end 2', 'start 6', 'end 6']);
    expect(state.maxInFlight).toBe(3); // the three keys at once
  });

  it('runs a handler without concurrency one message at a time, in order', async () => {
    const { handler, state } = recorder('t.seq', {});
    await enqueue(
      't.seq',
      [1, 2, 3].map((n) => ({ n, key: 'x' })),
    );
    await drainOutbox(deps, { handlers: [handler], topics: ['t.seq'] });
    expect(state.maxInFlight).toBe(1);
    expect(state.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('keeps the other topics one after another in claim order while a concurrent topic runs beside them', async () => {
    const seq = recorder('t.mix-seq', {});
    const par = recorder('t.mix-par', { concurrency: 4 });
    for (let n = 1; n <= 3; n++) {
      await enqueue('t.mix-seq', [{ n, key: 'x' }]);
      await enqueue('t.mix-par', [{ n: 10 + n, key: `k${n}` }]);
    }
    const r = await drainOutbox(deps, { handlers: [seq.handler, par.handler], topics: ['t.mix-seq', 't.mix-par'] });
    expect(r.done).toBe(6);
    expect(seq.state.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(par.state.maxInFlight).toBe(3);
  });

  it('retries only the message that failed; the others of the run are done', async () => {
    const { handler } = recorder('t.fail', { concurrency: 4, failOn: 2 });
    await enqueue(
      't.fail',
      [1, 2, 3].map((n) => ({ n, key: `k${n}` })),
    );
    const r = await drainOutbox(deps, { handlers: [handler], topics: ['t.fail'] });
    expect(r).toEqual({ claimed: 3, done: 2, retried: 1, failed: 0 });
    const rows = await database.db.selectFrom('outbox').selectAll().where('topic', '=', 't.fail').orderBy('id').execute();
    expect(rows.map((row) => [row.done_at !== null, row.last_error])).toEqual([
      [true, null],
      [false, 'provider busy'],
      [true, null],
    ]);
  });
});
