import { describe, expect, it } from 'vitest';
import { PORTAL_LIMITS } from '../../src/contract/portal.js';
import { act } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 13: the portal's limits and names, the promised date and the citizen's own comment shown back.
const { w, app } = useApp({
  env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1000' },
});

const appeal = (over: Record<string, unknown> = {}) => ({
  appealType: 'complaint',
  title: '楼道灯坏了',
  content: '三号楼二单元楼道灯坏了一个月，晚上看不见路。',
  callerName: '王秀英',
  callerPhone: '13912345678',
  ...over,
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress: '10.0.0.9' });
const submit = (over: Record<string, unknown> = {}) => post('/api/portal/appeals', appeal(over));
const orderByNo = (orderNo: string) =>
  w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();

describe('portal: limits shared with the form', () => {
  it('takes content of exactly the limit and refuses one character more, naming the field', async () => {
    expect((await submit({ content: '长'.repeat(PORTAL_LIMITS.content) })).statusCode).toBe(201);
    const over = await submit({ content: '长'.repeat(PORTAL_LIMITS.content + 1) });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.field).toBe('content');
  });
});

describe('portal: caller names are names', () => {
  it.each(['<script>alert(1)</script>', '12345', '王<b>', '  ', 'http://x.cn'])(
    'refuses %j with 400 on callerName',
    async (name) => {
      const res = await submit({ callerName: name });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('callerName');
    },
  );

  it.each(['王秀英', '阿卜杜·热合曼', "Mary-Jane O'Neil", 'J. Smith'])('accepts %j', async (name) => {
    expect((await submit({ callerName: name })).statusCode).toBe(201);
  });
});

describe('portal: progress page facts', () => {
  it('shows the promised reply date while handled, and the citizen’s own rating comment after rating', async () => {
    const r = (await submit()).json() as { orderNo: string; queryCode: string };
    const key = { orderNo: r.orderNo, code: r.queryCode };
    const before = (await post('/api/portal/lookup', key)).json();
    expect(before.promisedBy).toBeNull();

    let o = await orderByNo(r.orderNo);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const dispatched = (await post('/api/portal/lookup', key)).json();
    const due = await w.deps.db
      .selectFrom('order_deadlines')
      .select('due_at')
      .where('order_id', '=', o.id)
      .where('stage', '=', 'reply')
      .executeTakeFirstOrThrow();
    expect(dispatched.promisedBy).toBe(new Date(due.due_at).toISOString());

    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已修好' });
    await act(w, w.actors.supervisor, o, 'review_accept', {});
    const rated = await post('/api/portal/rating', {
      ...key,
      satisfaction: 'satisfied',
      resolved: true,
      comment: '修得很快，谢谢',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ rating: { comment: '修得很快，谢谢' }, promisedBy: null });
    expect((await post('/api/portal/lookup', key)).json().rating.comment).toBe('修得很快，谢谢');
  });
});
