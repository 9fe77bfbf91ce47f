import { beforeAll, describe, expect, it } from 'vitest';
import { act, newOrder } from '../helpers/orders.js';
import { twoWorkersTick, workerDeps } from '../helpers/worker.js';
import type { Order } from '../../src/db/schema.js';
import type { WorkerDeps } from '../../src/worker/worker-deps.js';
import { listOrderDeadlines } from '../../src/timelimits/deadline.repository.js';
import { formatLocal } from '../../src/shared/time-zone.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld();
let wd: WorkerDeps;

beforeAll(async () => {
  wd = workerDeps(w.deps);
});

const sh = (d: Date | null) => (d ? formatLocal(d, 'Asia/Shanghai') : null);

async function ladderEvents(orderId: string) {
  const rows = await database.db
    .selectFrom('order_events')
    .select(['action', 'payload'])
    .where('order_id', '=', orderId)
    .where('action', 'in', ['deadline_warning', 'urge', 'supervise', 'leader_followup'])
    .orderBy('id')
    .execute();
  return rows.map((r) => (r.action === 'deadline_warning' ? `${r.payload.level}` : r.action) + `:${r.payload.stage}`);
}

/** Dispatched Monday 3 March 2025 10:00 Shanghai, signed and contacted: only the reply clock runs. */
async function orderInHandling(): Promise<Order> {
  w.clock.set('2025-03-03T02:00:00Z');
  let o = await newOrder(w, { appealType: 'help', priority: 3 });
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o = await act(w, w.actors.unit_handler, o, 'sign', {});
  return act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '已联系' });
}

describe('the escalation ladder with two workers running at once', () => {
  it('raises yellow, 催办, red, 督办 and 领导盯办 exactly once each, at the right times', async () => {
    const o = await orderInHandling();
    const [reply] = (await listOrderDeadlines(w.deps.db, o.id)).filter((d) => d.stage === 'reply');
    expect(sh(reply.due_at)).toBe('2025-03-10 18:00');
    // 2430 working minutes (Mon 330 + 5 × 420); 75 % = 1822.5 min → Fri 7 Mar 14:52:30 (after lunch);
    // 90 % = 2187 min → Mon 10 Mar 11:27.
    expect(sh(reply.warn_at)).toBe('2025-03-07 14:52');
    expect(sh(reply.urge_at)).toBe('2025-03-10 11:27');
    expect(sh(reply.supervise_at)).toBe('2025-03-11 18:00');

    w.clock.set('2025-03-07T06:50:00Z'); // Fri 14:50: nothing yet
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual([]);

    w.clock.set('2025-03-07T06:53:00Z'); // Fri 14:53: yellow
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply']);

    w.clock.set('2025-03-10T03:30:00Z'); // Mon 11:30: 催办
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply', 'urge:reply']);

    w.clock.set('2025-03-10T10:30:00Z'); // Mon 18:30: red
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply', 'urge:reply', 'red:reply']);

    w.clock.set('2025-03-11T10:01:00Z'); // Tue 18:01: a formal 督办单, due in 2 working days
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply', 'urge:reply', 'red:reply', 'supervise:reply']);
    const sup = await database.db.selectFrom('supervision_orders').selectAll().where('order_id', '=', o.id).execute();
    expect(sup.length).toBe(1);
    expect(sup[0].origin).toBe('auto');
    expect(sh(sup[0].due_at)).toBe('2025-03-13 18:00');

    w.clock.set('2025-03-13T10:30:00Z'); // Thu 18:30: unanswered → 领导盯办
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual([
      'yellow:reply',
      'urge:reply',
      'red:reply',
      'supervise:reply',
      'leader_followup:reply',
    ]);
    const follow = await database.db.selectFrom('leader_followups').selectAll().where('order_id', '=', o.id).execute();
    expect(follow.length).toBe(1);

    w.clock.set('2025-04-30T10:30:00Z'); // much later: nothing fires again
    await twoWorkersTick(wd);
    expect((await ladderEvents(o.id)).length).toBe(5);
    const [after] = (await listOrderDeadlines(w.deps.db, o.id)).filter((d) => d.stage === 'reply');
    expect(after.next_check_at).toBeNull();

    // The unit heard about it: one notice per step for the handler of the lead unit.
    const notices = await database.db
      .selectFrom('notices')
      .select(['kind'])
      .where('order_id', '=', o.id)
      .where('user_id', '=', w.actors.unit_handler.userId!)
      .orderBy('id')
      .execute();
    expect(notices.map((n) => n.kind)).toEqual(['timelimit.yellow', 'timelimit.urge', 'timelimit.red', 'timelimit.supervise']);
    const leaderNotices = await database.db
      .selectFrom('notices')
      .select('kind')
      .where('order_id', '=', o.id)
      .where('user_id', '=', w.actors.leader.userId!)
      .execute();
    expect(leaderNotices.map((n) => n.kind)).toEqual(['timelimit.leader']);
  });

  it('fires every overdue step at once, in order, when the worker was down', async () => {
    const o = await orderInHandling();
    w.clock.set('2025-03-11T10:30:00Z');
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply', 'urge:reply', 'red:reply', 'supervise:reply']);
  });

  it('several check jobs of one order at the same moment still fire each step once', async () => {
    const o = await orderInHandling();
    w.clock.set('2025-03-11T10:30:00Z');
    const { checkOrderDeadlines } = await import('../../src/timelimits/escalation.service.js');
    const fired = await Promise.all([1, 2, 3, 4].map(() => checkOrderDeadlines(w.deps, o.id)));
    expect(fired.flat().sort()).toEqual(['red', 'supervise', 'urge', 'yellow']);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply', 'urge:reply', 'red:reply', 'supervise:reply']);
  });

  it('a deadline whose check job was lost is swept again once its lease runs out', async () => {
    const o = await orderInHandling();
    w.clock.set('2025-03-07T07:00:00Z'); // past yellow
    const { sweepDueDeadlines } = await import('../../src/timelimits/deadline-sweep.service.js');
    expect((await sweepDueDeadlines(wd)).jobsEnqueued).toBeGreaterThanOrEqual(1);
    await database.db.deleteFrom('outbox').where('topic', '=', 'timelimit.check').where('done_at', 'is', null).execute();
    expect((await sweepDueDeadlines(wd)).deadlinesClaimed).toBe(0); // still leased
    w.clock.advance(5 * 60_000);
    expect((await sweepDueDeadlines(wd)).deadlinesClaimed).toBeGreaterThanOrEqual(1);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual(['yellow:reply']);
  });

  it('an answered 督办单 does not go to the leaders', async () => {
    const o = await orderInHandling();
    w.clock.set('2025-03-11T10:30:00Z');
    await twoWorkersTick(wd);
    const [sup] = await database.db.selectFrom('supervision_orders').selectAll().where('order_id', '=', o.id).execute();
    await database.db
      .updateTable('supervision_orders')
      .set({ status: 'responded', response: '已整改', responded_at: w.clock.now() })
      .where('id', '=', sup.id)
      .execute();
    w.clock.set('2025-03-20T10:30:00Z');
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).not.toContain('leader_followup:reply');
  });

  it('nothing fires for a closed order, even when its check job was already queued', async () => {
    let o = await orderInHandling();
    w.clock.set('2025-03-10T10:30:00Z'); // overdue
    const { sweepDueDeadlines } = await import('../../src/timelimits/deadline-sweep.service.js');
    const swept = await sweepDueDeadlines(wd);
    expect(swept.jobsEnqueued).toBeGreaterThan(0);
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已处理' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    o = await act(w, w.actors.supervisor, o, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(o.state).toBe('closed');
    w.clock.set('2025-06-30T10:30:00Z');
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual([]);
    const open = (await listOrderDeadlines(w.deps.db, o.id)).filter((d) => d.status === 'running' || d.status === 'paused');
    expect(open).toEqual([]);
  });

  it('a paused clock raises nothing; after resuming, the warnings come with the remaining time', async () => {
    let o = await orderInHandling();
    w.clock.set('2025-03-04T02:00:00Z'); // Tue 10:00
    o = await act(w, w.actors.unit_handler, o, 'wait_for_citizen', { reason: '等待补充材料' });
    w.clock.set('2025-03-20T02:00:00Z'); // long after the original deadline
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual([]);
    o = await act(w, w.actors.unit_handler, o, 'resume_clock', {});
    const [reply] = (await listOrderDeadlines(w.deps.db, o.id)).filter((d) => d.stage === 'reply');
    expect(sh(reply.due_at)).toBe('2025-03-26 18:00'); // Thu 20 10:00 + 2010 working minutes
    await twoWorkersTick(wd);
    expect(await ladderEvents(o.id)).toEqual([]);
  });
});
