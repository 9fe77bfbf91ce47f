import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { lookupAppeal } from '../../src/portal/portal.service.js';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();

const look = (o: Order) => lookupAppeal(w.deps, { orderNo: o.order_no, code: o.query_code });

describe('what a citizen sees at each outcome', () => {
  it('a direct answer (直办) shows as the answer, closed', async () => {
    const o = await act(w, w.actors.operator, await newOrder(w), 'answer_directly', { answer: '办理地点在政务服务大厅二楼。' });
    const p = await look(o);
    expect(p).toMatchObject({ stage: 'closed', canRate: false, rating: null });
    expect(p.reply).toMatchObject({ kind: 'answer', text: '办理地点在政务服务大厅二楼。' });
    expect(p.steps.map((s) => s.step)).toEqual(['accept', 'answer_directly']);
  });

  it('not accepted (无效件) shows the reason in plain words, never the staff explanation', async () => {
    const o = await act(w, w.actors.operator, await newOrder(w), 'reject', {
      reason: 'lawful_channel',
      explanation: '内部说明：该人多次来电，属于劳动仲裁事项',
    });
    const p = await look(o);
    expect(p.stage).toBe('not_accepted');
    expect(p.reply).toMatchObject({ kind: 'not_accepted', text: null });
    expect(p.reply?.reasonText?.zh).toContain('法定途径');
    expect(JSON.stringify(p)).not.toContain('内部说明');
  });

  it('a merged duplicate (重复件) says so without revealing the other citizen’s order', async () => {
    const main = await newOrder(w);
    const dup = await act(w, w.actors.operator, await newOrder(w), 'merge', { intoOrderId: main.id });
    const p = await look(dup);
    expect(p.stage).toBe('merged');
    expect(JSON.stringify(p)).not.toContain(main.order_no);
    expect(JSON.stringify(p)).not.toContain(main.id);
  });

  it('re-handling after a phone visit hides the old reply until the office replies again', async () => {
    let o = await toVisiting(w);
    o = await act(w, w.actors.supervisor, o, 'visit_rehandle', { resolved: false, reason: '市民反映问题仍在' });
    const p = await look(o);
    expect(p.stage).toBe('handling');
    expect(p.reply).toBeNull();
    expect(p.steps.at(-1)?.text.zh).toBe('根据您的意见重新办理');
    expect(JSON.stringify(p)).not.toContain('市民反映问题仍在');
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '第二次答复：已彻底修复' });
    expect((await look(o)).reply?.text).toBe('第二次答复：已彻底修复');
  });

  it('a returned order (退单 approved) says another office is being found, without the first unit’s reasons', async () => {
    let o = await act(w, w.actors.dispatcher, await newOrder(w), 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'request_return', { reason: '不属于本单位职责' });
    o = await act(w, w.actors.dispatcher, o, 'approve_return', {});
    const p = await look(o);
    expect(p.stage).toBe('received');
    expect(p.steps.map((s) => s.step)).toEqual(['accept', 'dispatch', 'approve_return']);
    expect(JSON.stringify(p)).not.toContain('不属于本单位职责');
  });

  it('tells the citizen when the office waits for them, without the office’s reason', async () => {
    let o = await act(w, w.actors.dispatcher, await newOrder(w), 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'wait_for_citizen', { reason: '内部：需市民提供物业合同' });
    const p = await look(o);
    expect(p.steps.at(-1)?.text.zh).toContain('在等您补充情况');
    expect(JSON.stringify(p)).not.toContain('物业合同');
  });
});
