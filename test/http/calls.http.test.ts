import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const TOKEN = 'cti-test-token-0123456789';
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_CTI_TOKEN: TOKEN } });
let operator: Client;
let leader: Client;

beforeAll(async () => {
  operator = await asUser(app, w, 'operator');
  leader = await asUser(app, w, 'leader');
});

const cti = (payload: unknown, token = TOKEN) =>
  app.inject({ method: 'POST', url: '/api/calls', headers: { authorization: `Bearer ${token}` }, payload: payload as object });

describe('call records from the CTI', () => {
  it('follows a call offered → answered → ended, idempotently', async () => {
    const base = { callId: 'C-1', hotlineNumber: '12345', callerNumber: '13800000001' };
    expect((await cti({ ...base, event: 'offered', at: '2025-03-03T02:00:00Z' })).json()).toMatchObject({ status: 'offered' });
    const answered = await cti({ ...base, event: 'answered', at: '2025-03-03T02:00:10Z', operator: w.usernames.operator });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', waitSeconds: 10, operatorUserId: w.actors.operator.userId });
    const again = await cti({ ...base, event: 'answered', at: '2025-03-03T02:00:30Z' });
    expect(again.json()).toMatchObject({ status: 'answered', waitSeconds: 10, answeredAt: '2025-03-03T02:00:10.000Z' });
    const ended = await cti({ ...base, event: 'ended', at: '2025-03-03T02:03:10Z' });
    expect(ended.json()).toMatchObject({ status: 'ended', waitSeconds: 10, talkSeconds: 180, hotlineNumber: '12345' });
  });

  it('records abandoned and slow calls, and refuses to abandon an answered call', async () => {
    await cti({ callId: 'C-2', event: 'offered', at: '2025-03-03T03:00:00Z', hotlineNumber: '12315' });
    expect((await cti({ callId: 'C-2', event: 'abandoned', at: '2025-03-03T03:00:40Z' })).json()).toMatchObject({
      status: 'abandoned',
      waitSeconds: 40,
    });
    const slow = await cti({
      callId: 'C-3',
      event: 'ended',
      offeredAt: '2025-03-03T04:00:00Z',
      answeredAt: '2025-03-03T04:00:20Z',
      at: '2025-03-03T04:05:00Z',
    });
    expect(slow.json()).toMatchObject({ status: 'ended', waitSeconds: 20, talkSeconds: 280 });
    const bad = await cti({ callId: 'C-1', event: 'abandoned', at: '2025-03-03T05:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('event');
  });

  it('makes 接通率 and the 15-second answer rate real', async () => {
    const res = await leader.get('/api/kpis?from=2025-03-03&to=2025-03-03');
    expect(res.statusCode).toBe(200);
    const k = res.json().total.kpis;
    expect(k.answerRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(k.answer15sRate).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('accepts an operator session but not strangers, wrong tokens or other roles', async () => {
    const byOperator = await operator.post('/api/calls', {
      callId: 'C-4',
      event: 'answered',
      at: '2025-03-03T06:00:05Z',
      waitSeconds: 5,
    });
    expect(byOperator.json()).toMatchObject({ status: 'answered', operatorUserId: w.actors.operator.userId, waitSeconds: 5 });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/calls',
          payload: { callId: 'x', event: 'offered', at: '2025-03-03T06:00:00Z' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await cti({ callId: 'x', event: 'offered', at: '2025-03-03T06:00:00Z' }, 'wrong-token-0123456789')).statusCode).toBe(
      401,
    );
    expect((await leader.post('/api/calls', { callId: 'x', event: 'offered', at: '2025-03-03T06:00:00Z' })).statusCode).toBe(403);
  });

  it('answers 400 naming the field for bad input', async () => {
    const res = await cti({ callId: 'C-5', event: 'rang', at: '2025-03-03T06:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('event');
    const early = await cti({ callId: 'C-5', event: 'ended', offeredAt: '2025-03-03T07:00:00Z', at: '2025-03-03T06:00:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.field).toBe('offeredAt');
  });

  it('links a call to the orders recorded from it', async () => {
    const call = (await cti({ callId: 'C-6', event: 'answered', at: '2025-03-03T08:00:03Z', waitSeconds: 3 })).json();
    const order = (
      await operator.post('/api/orders', {
        channel: 'phone',
        appealType: 'help',
        priority: 3,
        title: '路灯不亮',
        content: '小区门口路灯坏了。',
      })
    ).json();
    const linked = await operator.post(`/api/calls/${call.id}/link`, { orderId: order.orderNo });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().orderIds).toEqual([order.id]);
    const byCti = await app.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/link`,
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { orderId: order.id },
    });
    expect(byCti.json().orderIds).toEqual([order.id]);
    expect((await operator.post('/api/calls/999999/link', { orderId: order.id })).statusCode).toBe(404);
    expect((await operator.post(`/api/calls/${call.id}/link`, { orderId: '2501019999' })).statusCode).toBe(404);
  });
});
