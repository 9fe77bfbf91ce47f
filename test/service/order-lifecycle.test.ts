import { describe, expect, it } from 'vitest';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { getOrderDetail, getOrderTimeline, listOrdersFor } from '../../src/orders/order-query.service.js';
import { DomainError } from '../../src/shared/errors.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();

const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('intake (受理)', () => {
  it('numbers orders per centre and day in Beijing time and records the accept event', async () => {
    w.clock.set('2025-03-03T17:00:00Z'); // 4 March 01:00 in Shanghai
    const a = await newOrder(w);
    const b = await newOrder(w);
    expect(a.order_no).toBe('2503040001');
    expect(b.order_no).toBe('2503040002');
    expect(a.state).toBe('accepted');
    const timeline = await getOrderTimeline(w.deps, w.actors.operator, a.id);
    expect(timeline.events.map((e) => e.action)).toEqual(['accept']);
  });

  it('rejects an unknown category without writing anything', async () => {
    const before = await listOrdersFor(w.deps, w.actors.operator, { limit: 200 });
    const code = await errorCode(newOrder(w, { categoryId: '00000000-0000-4000-8000-000000000000' }));
    expect(code).toBe('VALIDATION');
    const after = await listOrdersFor(w.deps, w.actors.operator, { limit: 200 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('does not let a unit handler or a leader take calls', async () => {
    expect(await errorCode(newOrder(w, {}, w.actors.unit_handler))).toBe('FORBIDDEN');
    expect(await errorCode(newOrder(w, {}, w.actors.leader))).toBe('FORBIDDEN');
  });
});

describe('the closed loop', () => {
  it('goes accept → dispatch → sign → contact → reply → review → visit → close with a full timeline', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id, assistUnitIds: [w.units.townA2.id] });
    expect(o.state).toBe('dispatched');
    expect(o.lead_unit_id).toBe(w.units.deptA1.id);
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'record_contact', { method: 'phone', summary: '已联系' });
    expect(o.state).toBe('handling');
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已修复' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    o = await act(w, w.actors.supervisor, o, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(o.state).toBe('closed');
    expect(o.satisfaction).toBe('satisfied');
    expect(o.resolved).toBe(true);
    expect(o.closed_at).not.toBeNull();
    const t = await getOrderTimeline(w.deps, w.actors.supervisor, o.order_no);
    expect(t.events.map((e) => `${e.action}:${e.from_state}->${e.to_state}`)).toEqual([
      'accept:null->accepted',
      'dispatch:accepted->dispatched',
      'sign:dispatched->handling',
      'record_contact:handling->handling',
      'reply:handling->replied',
      'review_accept:replied->visiting',
      'visit_close:visiting->closed',
    ]);
    expect(t.events.every((e) => e.actor_name !== null)).toBe(true);
  });

  it('answers directly (中心直办) and closes at first contact', async () => {
    let o = await newOrder(w, { appealType: 'consult' });
    o = await act(w, w.actors.operator, o, 'answer_directly', { answer: '按政策口径答复' });
    expect(o.state).toBe('closed');
    expect(o.handled_directly).toBe(true);
    expect(o.closure_kind).toBe('direct');
  });

  it('records invalid appeals with their reason (emergency transfer)', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.operator, o, 'reject', { reason: 'emergency_transfer', explanation: '火情，已转119' });
    expect(o.state).toBe('invalid');
    expect(o.closure_kind).toBe('emergency_transfer');
  });

  it('merges a duplicate into the main order and links them', async () => {
    const main = await newOrder(w);
    let dup = await newOrder(w);
    dup = await act(w, w.actors.operator, dup, 'merge', { intoOrderId: main.id });
    expect(dup.state).toBe('merged');
    expect(dup.merged_into_id).toBe(main.id);
    const detail = await getOrderDetail(w.deps, w.actors.operator, main.id);
    expect(detail.links.map((l) => l.id)).toContain(dup.id);
    expect(await errorCode(act(w, w.actors.operator, await newOrder(w), 'merge', { intoOrderId: dup.id }))).toBe('VALIDATION');
  });

  it('handles a return: approve sends it back to dispatch, reject makes the unit handle it', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '不属于本单位职责' });
    expect(o.state).toBe('return_requested');
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    expect(o.state).toBe('accepted');
    expect(o.lead_unit_id).toBeNull();
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptB1.id });
    o = await act(w, w.actors.handlerB, o, 'request_return', { reason: '也不是我们' });
    o = await act(w, w.actors.dispatcher, o, 'reject_return', { reason: '属于你单位' });
    expect(o.state).toBe('handling');
    expect(o.dispatch_count).toBe(2);
  });

  it('handles an extension request before the deadline', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    const past = new Date(w.clock.now().getTime() - 1000).toISOString();
    expect(
      await errorCode(act(w, w.actors.unit_handler, o, 'request_extension', { reason: '需要施工', newDeadline: past })),
    ).toBe('VALIDATION');
    const later = new Date(w.clock.now().getTime() + 60 * 86400_000).toISOString(); // past any reply deadline
    o = await act(w, w.actors.unit_handler, o, 'request_extension', { reason: '需要施工', newDeadline: later });
    expect(o.state).toBe('extension_requested');
    o = await act(w, w.actors.dispatcher, o, 'approve_extension', {});
    expect(o.state).toBe('handling');
  });

  it('sends a reply back on review', async () => {
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'cannot', text: '无法解决' });
    o = await act(w, w.actors.supervisor, o, 'review_send_back', { reason: '答复未说明法律依据' });
    expect(o.state).toBe('handling');
  });

  it('escalates to 疑难件 after 3 re-handlings', async () => {
    let o = await toVisiting(w);
    for (let i = 1; i <= 3; i++) {
      o = await act(w, w.actors.supervisor, o, 'visit_rehandle', { resolved: false, reason: '未解决' });
      expect(o.rehandle_count).toBe(i);
      expect(o.escalated).toBe(i >= 3);
      if (i < 3) {
        o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '再次处理' });
        o = await act(w, w.actors.supervisor, o, 'review_accept', {});
      }
    }
    const t = await getOrderTimeline(w.deps, w.actors.leader, o.id);
    expect(t.events.filter((e) => e.action === 'escalate')).toHaveLength(1);
  });

  it('escalates after 3 re-dispatches', async () => {
    let o = await newOrder(w);
    const units = [w.units.deptA1, w.units.deptB1, w.units.deptA1, w.units.deptB1];
    for (let i = 0; i < units.length; i++) {
      o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: units[i].id });
      expect(o.escalated).toBe(i >= 3);
      if (i < units.length - 1) {
        const handler = units[i] === w.units.deptA1 ? w.actors.unit_handler : w.actors.handlerB;
        o = await act(w, handler, o, 'request_return', { reason: '非本单位' });
        o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
      }
    }
  });

  it('refuses illegal moves with clear errors and leaves the order untouched', async () => {
    const o = await newOrder(w);
    expect(await errorCode(act(w, w.actors.unit_handler, o, 'sign', {}))).toBe('NOT_FOUND'); // not sent to the unit
    expect(await errorCode(act(w, w.actors.dispatcher, o, 'reply', { result: 'resolved', text: 'x' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(await errorCode(act(w, w.actors.leader, o, 'dispatch', { leadUnitId: w.units.deptA1.id }))).toBe('FORBIDDEN');
    expect(await errorCode(act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.centre.id }))).toBe('VALIDATION');
    const t = await getOrderTimeline(w.deps, w.actors.operator, o.id);
    expect(t.events).toHaveLength(1);
    expect(t.state).toBe('accepted');
  });
});

describe('versions and concurrency', () => {
  it('gives a stale version a conflict, never a silent overwrite', async () => {
    const o = await newOrder(w);
    await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    expect(await errorCode(act(w, w.actors.operator, o, 'answer_directly', { answer: 'x' }))).toBe('CONFLICT');
  });

  it('lets exactly one of two dispatchers acting at once win; the other gets a conflict', async () => {
    const o = await newOrder(w);
    const results = await Promise.allSettled([
      act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id }),
      act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptB1.id }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0].reason as DomainError).code).toBe('CONFLICT');
    const t = await getOrderTimeline(w.deps, w.actors.dispatcher, o.id);
    expect(t.events.filter((e) => e.action === 'dispatch')).toHaveLength(1);
  });
});

describe('visibility and personal data', () => {
  it('shows a unit only orders sent to it or its sub-units; others answer not found', async () => {
    let o = await newOrder(w, { title: '仅A1可见' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.teamA1a.id });
    expect((await getOrderDetail(w.deps, w.actors.handlerA1a, o.id)).order.id).toBe(o.id);
    expect((await getOrderDetail(w.deps, w.actors.unit_handler, o.id)).order.id).toBe(o.id); // parent unit
    expect((await getOrderDetail(w.deps, w.actors.unit_admin, o.id)).order.id).toBe(o.id); // county above
    expect(await errorCode(getOrderDetail(w.deps, w.actors.handlerB, o.id))).toBe('NOT_FOUND');
    const listB = await listOrdersFor(w.deps, w.actors.handlerB, { limit: 200 });
    expect(listB.items.map((i) => i.id)).not.toContain(o.id);
  });

  it('masks the caller for roles without need and logs every unmasked view', async () => {
    let o = await newOrder(w, { callerName: '李四', callerPhone: '13900001111' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const leader = await getOrderDetail(w.deps, w.actors.leader, o.id);
    expect(leader.order.caller).toMatchObject({ name: '李*', phone: '139****1111', masked: true });
    const handler = await getOrderDetail(w.deps, w.actors.unit_handler, o.id);
    expect(handler.order.caller.phone).toBe('13900001111');
    const op = await getOrderDetail(w.deps, w.actors.operator, o.id);
    expect(op.order.caller.name).toBe('李四');
    const log = await w.deps.db.selectFrom('pii_access_log').selectAll().where('order_id', '=', o.id).execute();
    expect(log.map((l) => l.user_id).sort()).toEqual([w.actors.unit_handler.userId, w.actors.operator.userId].sort());
  });

  it('hides a confidential caller from the handling unit', async () => {
    let o = await newOrder(w, { callerConfidential: true, callerPhone: '13700002222' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const handler = await getOrderDetail(w.deps, w.actors.unit_handler, o.id);
    expect(handler.order.caller.phone).toBe('137****2222');
  });
});
