import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { workerDeps } from '../helpers/worker.js';
import { useWorld } from '../helpers/use-world.js';
import { newOrder } from '../helpers/orders.js';
import { startSmsGateway } from '../helpers/notice-gateways.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { claimOutboxBatch } from '../../src/outbox/outbox-claim.repository.js';
import { citizenSendHandler } from '../../src/notifications/citizen-notice.handlers.js';
import { closeNoticeProviders } from '../../src/notifications/providers/registry.js';
import type { DB } from '../../src/db/schema.js';
import type { WorkerDeps } from '../../src/worker/worker-deps.js';

// Issue 16, "kill the worker mid-send": the gateway took the SMS, the process died before it marked the
// delivery record sent (and before it finished the outbox row). Its lease runs out, another drain sends
// again with the same idempotency key, and the gateway (which de-duplicates on it, as real ones do)
// delivers once. Nothing is lost, nothing is delivered twice.
const { database, w } = useWorld();
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let deps: WorkerDeps;
const LEASE_MS = 60_000;

beforeAll(async () => {
  gateway = await startSmsGateway();
  deps = workerDeps(w.deps, { LIANXIN_SMS_PROVIDER: 'http', LIANXIN_SMS_URL: gateway.url, LIANXIN_SMS_TIMEOUT_MS: '1500' });
});
afterAll(async () => {
  closeNoticeProviders(deps.config.notices);
  await gateway?.close();
});

const ALL_BUT_SEND = outboxHandlers.map((h) => h.topic).filter((t) => t !== 'citizen.send');
const drain = (topics?: readonly string[]) => drainOutbox(deps, { handlers: outboxHandlers, leaseMs: LEASE_MS, topics });

/** The database as a process sees it that dies the moment it writes the delivery record. */
function dyingAtTheMark(db: Kysely<DB>): Kysely<DB> {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'updateTable')
        return (table: string) => {
          if (table === 'citizen_notices') throw new Error('process killed');
          return target.updateTable(table as never);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const noticesOf = (orderIds: string[]) =>
  database.db.selectFrom('citizen_notices').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute();
const sendRows = (ids: number[]) =>
  database.db
    .selectFrom('outbox')
    .selectAll()
    .where(
      'dedupe_key',
      'in',
      ids.map((id) => `citizen.send:${id}`),
    )
    .orderBy('id')
    .execute();
const hitsFor = (key: string) => gateway.hits.filter((h) => h.headers['idempotency-key'] === key);

describe('a worker killed between the provider and the delivery record', () => {
  it('sends again after the lease with the same key: one delivery per key, every notice sent', async () => {
    const orders = await Promise.all(
      ['13300000001', '13300000002', '13300000003', '13300000004', '13300000005'].map((callerPhone) =>
        newOrder(w, { callerPhone }),
      ),
    );
    const ids = orders.map((o) => o.id);
    await drain(ALL_BUT_SEND); // compose the receipts: five queued SMS, each with its citizen.send message
    const queued = await noticesOf(ids);
    expect(queued.map((n) => n.status)).toEqual(Array(5).fill('queued'));
    const keys = queued.map((n) => n.idempotency_key);

    // The dying worker: claims the sends, the gateway accepts each, the process dies at the mark.
    const claimed = await claimOutboxBatch(deps.db, {
      now: deps.clock.now(),
      limit: 100,
      leaseMs: LEASE_MS,
      topics: ['citizen.send'],
    });
    expect(claimed).toHaveLength(5);
    const dying = { ...deps, db: dyingAtTheMark(deps.db) };
    for (const message of claimed) {
      await expect(citizenSendHandler.run(dying, message.payload as never, message)).rejects.toThrow('process killed');
    }
    for (const key of keys) expect(hitsFor(key)).toHaveLength(1);
    expect((await noticesOf(ids)).map((n) => n.status)).toEqual(Array(5).fill('queued'));

    // Within the lease another worker leaves them alone (the dead one might still be alive).
    await drain();
    for (const key of keys) expect(hitsFor(key)).toHaveLength(1);

    // Past the lease: claimed again, sent again with the same key, the gateway answers the same id.
    w.clock.advance(LEASE_MS + 1000);
    await drain();
    const after = await noticesOf(ids);
    expect(after.map((n) => n.status)).toEqual(Array(5).fill('sent'));
    for (const n of after) {
      expect(hitsFor(n.idempotency_key)).toHaveLength(2); // on the wire twice…
      expect(n.provider_id).toBe(gateway.delivered.get(n.idempotency_key)!.id); // …delivered once
    }
    expect(keys.filter((k) => gateway.delivered.has(k))).toHaveLength(5);
    expect(new Set(after.map((n) => n.provider_id)).size).toBe(5);
    const rows = await sendRows(after.map((n) => n.id));
    expect(rows.map((r) => [r.attempts, r.done_at !== null, r.failed_at])).toEqual(Array(5).fill([2, true, null]));
  });

  it('when the gateway’s answer is lost (a timeout after it took the SMS), the retry is delivered once too', async () => {
    const order = await newOrder(w, { callerPhone: '13300000006' });
    await drain(ALL_BUT_SEND);
    const [n] = await noticesOf([order.id]);
    gateway.state.stallNext = 1;
    gateway.state.stallMs = 2500; // answers after the client's 1.5 s timeout
    await drain();
    expect((await noticesOf([order.id]))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    // The stalled answer goes out (to nobody): the gateway has taken the SMS.
    await expect.poll(() => gateway.delivered.has(n.idempotency_key), { timeout: 10_000 }).toBe(true);
    w.clock.advance(30_000); // the send handler's first backoff
    await drain();
    const [sent] = await noticesOf([order.id]);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(hitsFor(n.idempotency_key)).toHaveLength(2);
    expect(sent.provider_id).toBe(gateway.delivered.get(n.idempotency_key)!.id);
  });
});
