import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const TOKEN = 'cti-test-token-screen-pop-0123';
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_CTI_TOKEN: TOKEN } });
const CALLER = '13800000077';
const RECORDING = 'https://cti.example.org/rec/SP-1.wav';
let operator: Client;
let analyst: Client;
let handler: Client;
let earlierOrderId = '';

const cti = (payload: object) =>
  app.inject({ method: 'POST', url: '/api/calls', headers: { authorization: `Bearer ${TOKEN}` }, payload });

beforeAll(async () => {
  operator = await asUser(app, w, 'operator');
  analyst = await asUser(app, w, 'analyst');
  handler = await asUser(app, w, 'unit_handler');
  const earlier = await operator.post('/api/orders', {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: '暖气不热',
    content: '家里暖气不热。',
    callerName: '张三',
    callerPhone: CALLER,
    address: '锡林浩特市阳光小区5号楼',
    categoryId: w.categoryId,
  });
  expect(earlier.statusCode).toBe(201);
  earlierOrderId = earlier.json().id;
});

/** Issue 13: the CTI's call pops the operator's intake with the caller's number, history and name. */
describe('CTI screen-pop', () => {
  let callId = 0;

  it('has no current call before the CTI reports one', async () => {
    expect((await operator.get('/api/calls/current')).json()).toEqual({ call: null });
  });

  it('finds the call offered to the operator and pops it with the repeat caller filled in', async () => {
    const offered = await cti({
      callId: 'SP-1',
      event: 'offered',
      at: '2025-03-03T02:00:00Z',
      callerNumber: CALLER,
      operator: w.usernames.operator,
      recordingUrl: RECORDING,
    });
    expect(offered.statusCode).toBe(200);
    expect(offered.json()).toMatchObject({ recordingUrl: RECORDING });
    const current = (await operator.get('/api/calls/current')).json();
    expect(current.call).toMatchObject({ status: 'offered' });
    callId = current.call.id;
    const pop = await operator.get(`/api/calls/${callId}/screen-pop`);
    expect(pop.statusCode).toBe(200);
    expect(pop.json()).toMatchObject({
      callerNumber: CALLER,
      masked: false,
      callerName: '张三',
      address: '锡林浩特市阳光小区5号楼',
      history: [{ id: earlierOrderId, title: '暖气不热', open: true }],
    });
  });

  it('logs the reading of the caller like the order page does', async () => {
    const log = await w.deps.db
      .selectFrom('pii_access_log')
      .selectAll()
      .where('order_id', '=', earlierOrderId)
      .where('purpose', '=', 'call.screen_pop')
      .execute();
    expect(log).toHaveLength(1);
  });

  it('refuses readers without the call permission, and a call that does not exist', async () => {
    expect((await handler.get(`/api/calls/${callId}/screen-pop`)).statusCode).toBe(403);
    expect((await analyst.get('/api/calls/current')).statusCode).toBe(403);
    expect((await operator.get('/api/calls/999999/screen-pop')).statusCode).toBe(404);
    expect((await operator.get('/api/calls/abc/screen-pop')).statusCode).toBe(400);
  });

  it('refuses a recording URL that is not http(s), naming the field', async () => {
    const bad = await cti({ callId: 'SP-2', event: 'offered', at: '2025-03-03T02:00:00Z', recordingUrl: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('recordingUrl');
  });

  it('links the call to the order saved from it; the order lists the call with its recording', async () => {
    const saved = await operator.post('/api/orders', {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: '暖气还是不热',
      content: '第二次来电，暖气仍不热。',
      callerPhone: CALLER,
      categoryId: w.categoryId,
    });
    const orderId = saved.json().id;
    const link = await operator.post(`/api/calls/${callId}/link`, { orderId });
    expect(link.json()).toMatchObject({ orderIds: [orderId] });
    const calls = await operator.get(`/api/orders/${orderId}/calls`);
    expect(calls.json()).toMatchObject({ items: [{ id: callId, recordingUrl: RECORDING }] });
    expect((await handler.get(`/api/orders/${orderId}/calls`)).statusCode).toBe(404);
  });

  it('drops the call from "current" once it ended', async () => {
    await cti({ callId: 'SP-1', event: 'answered', at: '2025-03-03T02:00:05Z' });
    expect((await operator.get('/api/calls/current')).json().call).toMatchObject({ id: callId, status: 'answered' });
    await cti({ callId: 'SP-1', event: 'ended', at: '2025-03-03T02:04:00Z' });
    expect((await operator.get('/api/calls/current')).json()).toEqual({ call: null });
  });

  it('never pre-fills a confidential caller', async () => {
    const secret = '13800000088';
    await operator.post('/api/orders', {
      channel: 'phone',
      appealType: 'report',
      priority: 2,
      title: '举报噪音',
      content: '夜间施工噪音。',
      callerName: '匿名',
      callerPhone: secret,
      callerConfidential: true,
      address: '某小区',
      categoryId: w.categoryId,
    });
    const call = await cti({
      callId: 'SP-3',
      event: 'answered',
      at: '2025-03-03T02:10:00Z',
      callerNumber: secret,
      operator: w.usernames.operator,
    });
    const pop = (await operator.get(`/api/calls/${call.json().id}/screen-pop`)).json();
    expect(pop).toMatchObject({ callerNumber: secret, callerName: null, address: null });
    expect(pop.history).toHaveLength(1);
  });
});
