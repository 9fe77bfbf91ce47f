import { describe, expect, it } from 'vitest';
import { act, newOrder } from '../helpers/orders.js';
import { listOrderDeadlines } from '../../src/timelimits/deadline.repository.js';
import { formatLocal } from '../../src/shared/time-zone.js';
import { DomainError } from '../../src/shared/errors.js';
import type { Order } from '../../src/db/schema.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();

const sh = (d: Date | null | undefined) => (d ? formatLocal(d, 'Asia/Shanghai') : null);
const active = async (o: Order) =>
  Object.fromEntries(
    (await listOrderDeadlines(w.deps.db, o.id))
      .filter((d) => d.status === 'running' || d.status === 'paused')
      .map((d) => [d.stage, { due: sh(d.due_at), status: d.status, warn: sh(d.warn_at) }]),
  );
const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('deadlines computed when a stage starts', () => {
  it('an order dispatched on the Thursday before National Day 2025 gets its deadlines on the PRC calendar', async () => {
    w.clock.set('2025-09-25T01:30:00Z'); // Thu 25 Sep 09:30 in Shanghai
    let o = await newOrder(w, { appealType: 'help', priority: 3 });
    expect((await active(o)).dispatch.due).toBe('2025-09-26 09:30'); // 24 h, wall clock
    w.clock.set('2025-09-25T02:00:00Z'); // 10:00
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const d = await active(o);
    expect(d.dispatch).toBeUndefined();
    expect(d.sign.due).toBe('2025-09-26 18:00'); // 1 working day: Friday
    expect(d.contact.due).toBe('2025-09-26 18:00');
    // 5 working days: Fri 26, Sun 28 (调休), Mon 29, Tue 30, then 1–8 Oct off → Thu 9 Oct.
    expect(d.reply.due).toBe('2025-10-09 18:00');
    expect(o.deadline_stage).toBe('sign');
    expect(sh(o.deadline_due_at)).toBe('2025-09-26 18:00');
  });

  it('a complaint (10 working days) runs through the 调休 Saturday 11 October', async () => {
    w.clock.set('2025-09-25T02:00:00Z');
    let o = await newOrder(w, { appealType: 'complaint', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    // 26, 28, 29, 30 Sep, 9, 10, 11 (Sat, 调休), 13, 14, 15 Oct.
    expect((await active(o)).reply.due).toBe('2025-10-15 18:00');
  });

  it('priority 1 runs around the clock: sign-for in 15 minutes, reply in 2 hours, even on a holiday night', async () => {
    w.clock.set('2025-10-01T15:50:00Z'); // 1 Oct 23:50 Shanghai, National Day
    let o = await newOrder(w, { priority: 1 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const d = await active(o);
    expect(d.sign.due).toBe('2025-10-02 00:05');
    expect(d.reply.due).toBe('2025-10-02 01:50');
  });

  it('stops the sign clock on sign, the contact clock on first contact, and starts review on reply', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Mon 10:00
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    expect(Object.keys(await active(o)).sort()).toEqual(['contact', 'reply']);
    o = await act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '已联系' });
    expect(Object.keys(await active(o))).toEqual(['reply']);
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已处理' });
    expect(Object.keys(await active(o))).toEqual(['review']);
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    expect(Object.keys(await active(o))).toEqual(['visit']);
    o = await act(w, w.actors.supervisor, o, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(await active(o)).toEqual({});
    expect(o.deadline_due_at).toBeNull();
    const all = await listOrderDeadlines(w.deps.db, o.id);
    expect(all.map((d) => `${d.stage}:${d.status}`)).toEqual([
      'dispatch:met',
      'sign:met',
      'contact:met',
      'reply:met',
      'review:met',
      'visit:met',
    ]);
  });

  it('an approved extension moves the reply deadline to the requested date', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { appealType: 'help' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    expect((await active(o)).reply.due).toBe('2025-03-10 18:00');
    o = await act(w, w.actors.unit_handler, o, 'request_extension', {
      reason: '需要现场勘查',
      newDeadline: '2025-03-14T10:00:00Z',
    });
    expect((await active(o)).reply.due).toBe('2025-03-10 18:00'); // not yet approved
    o = await act(w, w.actors.dispatcher, o, 'approve_extension', {});
    expect((await active(o)).reply.due).toBe('2025-03-14 18:00');
    const [reply] = (await listOrderDeadlines(w.deps.db, o.id)).filter((d) => d.stage === 'reply');
    expect(sh(reply.original_due_at)).toBe('2025-03-10 18:00');
  });

  it('refuses an "extension" that would shorten the reply deadline, and one approved after its date', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { appealType: 'help' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    expect((await active(o)).reply.due).toBe('2025-03-10 18:00');
    for (const newDeadline of ['2025-03-03T03:00:00Z', '2025-03-10T10:00:00Z']) {
      const refused = await act(w, w.actors.unit_handler, o, 'request_extension', { reason: '需要时间', newDeadline }).catch(
        (e: DomainError) => e,
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('VALIDATION');
      expect((refused as DomainError).text.zh).toBe('新时限须晚于当前答复时限（2025-03-10 18:00），延期不能缩短时限');
      expect((refused as DomainError).details).toEqual({ field: 'newDeadline' });
    }
    expect((await active(o)).reply.due).toBe('2025-03-10 18:00');
    o = await act(w, w.actors.unit_handler, o, 'request_extension', { reason: '需要时间', newDeadline: '2025-03-12T10:00:00Z' });
    // The dispatcher looks at it only after the 12th: the date asked for is gone, nothing changes.
    w.clock.set('2025-03-13T02:00:00Z');
    expect(await errorCode(act(w, w.actors.dispatcher, o, 'approve_extension', {}))).toBe('VALIDATION');
    expect((await active(o)).reply.due).toBe('2025-03-10 18:00');
    o = await act(w, w.actors.dispatcher, o, 'reject_extension', { reason: '请重新申请' });
    expect(o.state).toBe('handling');
  });

  it('waiting on the citizen pauses the clock and resuming gives back exactly the time that was left', async () => {
    w.clock.set('2025-03-03T02:00:00Z'); // Mon 3 Mar 10:00
    let o = await newOrder(w, { appealType: 'help' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '已联系' });
    // reply due Mon 10 Mar 18:00. Pause Tue 4 Mar 10:00: left = Tue 10:00→Mon 18:00 on working time.
    w.clock.set('2025-03-04T02:00:00Z');
    o = await act(w, w.actors.unit_handler, o, 'wait_for_citizen', { reason: '等待群众提供材料' });
    expect((await active(o)).reply.status).toBe('paused');
    expect(o.clock_paused).toBe(true);
    expect(o.deadline_due_at).toBeNull();
    expect(await errorCode(act(w, w.actors.unit_handler, o, 'wait_for_citizen', { reason: 'again' }))).toBe('CONFLICT');
    // Resume a week later, Tue 11 Mar 10:00: the same working time left → Mon 17 Mar 18:00.
    w.clock.set('2025-03-11T02:00:00Z');
    o = await act(w, w.actors.unit_handler, o, 'resume_clock', {});
    const d = await active(o);
    expect(d.reply.status).toBe('running');
    expect(d.reply.due).toBe('2025-03-17 18:00');
    expect(o.clock_paused).toBe(false);
    expect(await errorCode(act(w, w.actors.unit_handler, o, 'resume_clock', {}))).toBe('CONFLICT');
  });

  it('a suspension is the dispatcher’s call, not the unit’s', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    expect(await errorCode(act(w, w.actors.unit_handler, o, 'suspend', { reason: '中止' }))).toBe('FORBIDDEN');
    o = await act(w, w.actors.dispatcher, o, 'suspend', { reason: '涉法涉诉，依法中止' });
    expect(o.clock_paused).toBe(true);
  });

  it('an approved return cancels the unit clocks and restarts the dispatch clock', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '不属于本单位职责' });
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    expect(Object.keys(await active(o))).toEqual(['dispatch']);
  });
});
