import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { issueSupervision } from '../../src/supervision/supervision.service.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { workerDeps } from '../helpers/worker.js';

let database: Database;
let w: World;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildWorld(database, '2025-03-03T02:00:00Z'); // Monday 10:00 in the centre
});
afterAll(async () => {
  await database?.close();
});

/** Issues a 督办单 by hand and returns the notice text the lead unit's handler receives. */
async function noticeOfManualSupervision(orderId: string) {
  const s = await issueSupervision(w.deps, w.actors.supervisor, orderId, { reason: '群众反映强烈' });
  await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers, batchSize: 20 });
  const notice = await w.deps.db
    .selectFrom('notices')
    .select(['title', 'body'])
    .where('source_key', '=', `supervise:manual:${s.id}`)
    .where('user_id', '=', w.actors.unit_handler.userId!)
    .executeTakeFirstOrThrow();
  return notice;
}

describe('a manually issued 督办单 tells the unit the truth about the deadline', () => {
  it('does not call an order that is within its time limit overdue', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    expect(o.deadline_due_at!.getTime()).toBeGreaterThan(w.clock.now().getTime());
    const notice = await noticeOfManualSupervision(o.id);
    expect(notice.title).toContain('督办单');
    expect(notice.title).toContain(o.order_no);
    expect(notice.title).not.toContain('超时');
    expect(notice.body).not.toContain('overdue');
  });

  it('still says 已超时 when the order is past its deadline', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    w.clock.set(new Date(o.deadline_due_at!.getTime() + 60_000).toISOString());
    const notice = await noticeOfManualSupervision(o.id);
    expect(notice.title).toContain('已超时');
    expect(notice.body).toContain('overdue');
  });
});
