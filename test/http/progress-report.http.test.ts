import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { twoWorkersTick, workerDeps } from '../helpers/worker.js';

// Issue 14: 阶段性答复 — a complex matter's interim report keeps the order open, starts the next
// 5-working-day clock and shows on the citizen's progress page (ADR 0121).
const { w, app } = useApp();
const client = (who: Parameters<typeof asUser>[2]) => asUser(app, w, who);

const replyDeadlines = (orderId: string) =>
  w.deps.db
    .selectFrom('order_deadlines')
    .select(['status', 'due_at', 'started_at', 'red_fired_at'])
    .where('order_id', '=', orderId)
    .where('stage', '=', 'reply')
    .orderBy('started_at')
    .execute();

const lookup = async (orderNo: string, code: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/portal/lookup', payload: { orderNo, code } });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('阶段性答复 over HTTP', () => {
  it('keeps the order in 办理中, meets the running reply clock and starts a new 5-working-day one', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Monday 10:00
    let o = await newOrder(w, { priority: 4 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    w.clock.set('2025-03-05T02:00:00Z'); // Wednesday 10:00
    const handler = await client('unit_handler');
    const blank = await handler.post(`/api/orders/${o.id}/actions/progress-report`, {
      version: o.version,
      progress: '已现场勘查',
      reason: ' ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('body.reason');

    const res = await handler.post(`/api/orders/${o.id}/actions/progress-report`, {
      version: o.version,
      progress: '已现场勘查，确认为供热管网老化，已列入改造计划。',
      reason: '管网改造需协调施工队伍和资金，预计两周完成。',
    });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.state).toBe('handling');
    expect(after.version).toBe(o.version + 1);
    const clocks = await replyDeadlines(o.id);
    expect(clocks.map((d) => d.status)).toEqual(['met', 'running']);
    // Five working days after Wednesday: the next Wednesday, 18:00 in the centre's zone.
    expect(clocks[1].due_at.toISOString()).toBe('2025-03-12T10:00:00.000Z');
    expect(clocks[1].started_at.toISOString()).toBe('2025-03-05T02:00:00.000Z');
    const detail = (await handler.get(`/api/orders/${o.id}`)).json();
    expect(detail.availableActions).toEqual(expect.arrayContaining(['reply', 'progress_report']));
  });

  it('keeps supervising: the new clock warns and goes red like any reply deadline until the final reply', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { priority: 4 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'progress_report', { progress: '进展', reason: '原因' });
    w.clock.set('2025-03-12T11:00:00Z'); // an hour past the new clock (Wednesday 19:00)
    const wd = workerDeps(w.deps);
    await twoWorkersTick(wd);
    await twoWorkersTick(wd);
    const [, current] = await replyDeadlines(o.id);
    expect(current.red_fired_at).not.toBeNull();
    const events = await w.deps.db.selectFrom('order_events').select('action').where('order_id', '=', o.id).execute();
    expect(events.map((e) => e.action)).toContain('deadline_warning');
  });

  it('refuses it outside 办理中, to another unit, and while the clock is paused', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { priority: 4 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const payload = { version: o.version, progress: '进展', reason: '原因' };
    expect((await (await client('unit_handler')).post(`/api/orders/${o.id}/actions/progress-report`, payload)).statusCode).toBe(
      409,
    );
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    const other = await (
      await client('handlerB')
    ).post(`/api/orders/${o.id}/actions/progress-report`, { ...payload, version: o.version });
    expect(other.statusCode).toBe(404);
    o = await act(w, w.actors.unit_handler, o, 'wait_for_citizen', { reason: '等待群众补充材料' });
    const paused = await (
      await client('unit_handler')
    ).post(`/api/orders/${o.id}/actions/progress-report`, { ...payload, version: o.version });
    expect(paused.statusCode).toBe(409);
  });

  it('is for complex matters only: a general order gets 400 naming the reason until it is marked 疑难件 (ADR 0155)', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    const handler = await client('unit_handler');
    const payload = { version: o.version, progress: '已现场勘查', reason: '需协调资金' };
    expect((await handler.get(`/api/orders/${o.id}`)).json().availableActions).not.toContain('progress_report');
    const refused = await handler.post(`/api/orders/${o.id}/actions/progress-report`, payload);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ field: 'action', reason: 'not_complex' });
    expect(refused.json().error.message).toContain('复杂事项');
    expect(await replyDeadlines(o.id)).toHaveLength(1); // nothing written

    // marked 疑难件 by a leader, the same order is a complex matter
    expect((await (await client('leader')).post(`/api/orders/${o.id}/difficult`, { reason: '多部门职责交叉' })).statusCode).toBe(
      200,
    );
    expect((await handler.get(`/api/orders/${o.id}`)).json().availableActions).toContain('progress_report');
    const res = await handler.post(`/api/orders/${o.id}/actions/progress-report`, payload);
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('handling');
  });

  it('shows the citizen the report and the next feedback date while handling; the final reply replaces it', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { channel: 'web', priority: 4 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    w.clock.set('2025-03-04T02:00:00Z'); // Tuesday
    o = await act(w, w.actors.unit_handler, o, 'progress_report', {
      progress: '已联系供热公司排查管网。',
      reason: '需更换楼内主管道，须等待材料到货。',
    });
    const progress = await lookup(o.order_no, o.query_code!);
    expect(progress.stage).toBe('handling');
    expect(progress.progressReport).toEqual({
      at: '2025-03-04T02:00:00.000Z',
      progress: '已联系供热公司排查管网。',
      reason: '需更换楼内主管道，须等待材料到货。',
      nextBy: '2025-03-11T10:00:00.000Z',
    });
    expect(progress.promisedBy).toBe('2025-03-11T10:00:00.000Z');
    const step = progress.steps.find((s: { step: string }) => s.step === 'progress_report');
    expect(step.text.zh).toContain('阶段性办理进展');

    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '主管道已更换，供暖恢复。' });
    const done = await lookup(o.order_no, o.query_code!);
    expect(done.progressReport).toBeNull();
    expect(done.reply.text).toBe('主管道已更换，供暖恢复。');
  });
});
