import { describe, expect, it } from 'vitest';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { twoWorkersTick, workerDeps } from '../helpers/worker.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();
const as: Partial<Record<keyof World['usernames'], Client>> = {};
const client = async (who: keyof World['usernames']) => (as[who] ??= await asUser(app, w, who));
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });

describe('calendar API', () => {
  it('shows a month to staff, with holidays and 调休 days', async () => {
    const r = await (await client('operator')).get('/api/calendar/2025-10');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.timezone).toBe('Asia/Shanghai');
    expect(body.workPeriods).toBe('08:30-12:00,14:30-18:00');
    const day = (d: string) => body.days.find((x: { date: string }) => x.date === d);
    expect(day('2025-10-01')).toMatchObject({ working: false, reason: 'statutory_holiday' });
    expect(day('2025-10-11')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect((await (await client('operator')).get('/api/calendar/2025-13')).statusCode).toBe(400);
  });

  it('lets only the admin set overrides and working hours', async () => {
    const admin = await client('admin');
    const r = await put(admin, '/api/calendar-overrides/2025-07-15', { working: false, name: '那达慕大会' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ working: false, reason: 'centre_holiday', name: '那达慕大会' });
    const forbidden = await put(await client('supervisor'), '/api/calendar-overrides/2025-07-16', { working: false, name: 'x' });
    expect(forbidden.statusCode).toBe(403);
    const bad = await put(admin, '/api/calendar-overrides/2025-7-16', { working: false, name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      (await (await client('operator')).get('/api/calendar-overrides')).json().items.map((i: { day: string }) => i.day),
    ).toContain('2025-07-15');
    const hours = await put(admin, '/api/calendar-settings', { workPeriods: '12:00-08:00' });
    expect(hours.statusCode).toBe(400);
    expect(hours.json().error.field).toBe('workPeriods');
    expect((await put(await client('dispatcher'), '/api/calendar-settings', { workPeriods: '08:00-12:00' })).statusCode).toBe(
      403,
    );
    const del = await admin.request({ method: 'DELETE', url: '/api/calendar-overrides/2025-07-15' });
    expect(del.json()).toMatchObject({ removed: true, day: { working: true, reason: 'workday' } });
  });
});

describe('time-limit policies API', () => {
  it('an admin rule decides the next order’s deadline, and the explanation says so', async () => {
    const admin = await client('admin');
    const created = await admin.post('/api/timelimits/policies', {
      stage: 'sign',
      appealType: 'suggestion',
      priority: 3,
      amount: 3,
      unit: 'working_hours',
      note: '建议件 3 个工作小时内签收',
    });
    expect(created.statusCode).toBe(201);
    w.clock.set('2025-03-03T09:00:00Z'); // Mon 17:00
    let o = await newOrder(w, { appealType: 'suggestion' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const ex = await (await client('supervisor')).get(`/api/orders/${o.order_no}/deadlines`);
    expect(ex.statusCode).toBe(200);
    const sign = ex.json().deadlines.find((d: { stage: string }) => d.stage === 'sign');
    expect(sign.dueLocal).toBe('2025-03-04 10:30'); // 1 h on Monday, 2 h on Tuesday morning
    expect(sign.explanation.rule).toMatchObject({ source: 'policy', policyId: created.json().id });
    const list = (await (await client('dispatcher')).get('/api/timelimits/policies')).json();
    expect(list.rules.length).toBe(1);
    expect(list.settings.yellowShare).toBe(0.75);
  });

  it('refuses non-admins and bad input with the field named', async () => {
    const rule = { stage: 'reply', amount: 2, unit: 'working_days' };
    expect((await (await client('unit_handler')).post('/api/timelimits/policies', rule)).statusCode).toBe(403);
    expect((await (await client('supervisor')).post('/api/timelimits/policies', rule)).statusCode).toBe(403);
    const badUnit = await (await client('admin')).post('/api/timelimits/policies', { ...rule, unit: 'fortnights' });
    expect(badUnit.statusCode).toBe(400);
    const badCat = await (
      await client('admin')
    ).post('/api/timelimits/policies', {
      ...rule,
      categoryId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badCat.statusCode).toBe(400);
    expect(badCat.json().error.field).toBe('categoryId');
    const badShare = await put(await client('admin'), '/api/timelimits/settings', {
      yellowShare: 0.8,
      urgeShare: 0.5,
      superviseAfterWorkingDays: 1,
      supervisionDueWorkingDays: 2,
    });
    expect(badShare.statusCode).toBe(400);
    expect(badShare.json().error.field).toBe('urgeShare');
    expect((await (await client('leader')).get('/api/timelimits/policies')).statusCode).toBe(200);
    expect((await (await client('unit_handler')).get('/api/timelimits/policies')).statusCode).toBe(403);
  });

  it('applies the 办不成事 preset to a category', async () => {
    const r = await (await client('admin')).post('/api/timelimits/presets/banbucheng', { categoryId: w.categoryId });
    expect(r.statusCode).toBe(201);
    expect(r.json().rules.map((x: { amount: number }) => x.amount)).toEqual([0, 0, 2, 5]);
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w, { appealType: 'help', priority: 3 });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const ex = (await (await client('supervisor')).get(`/api/orders/${o.id}/deadlines`)).json();
    expect(ex.deadlines.find((d: { stage: string }) => d.stage === 'reply').dueLocal).toBe('2025-03-05 18:00');
  });
});

describe('warning levels on orders', () => {
  it('every order shows its deadline, level and remaining time; the queue filters by level', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let late = await newOrder(w, { priority: 1 });
    late = await act(w, w.actors.dispatcher, late, 'dispatch', { leadUnitId: w.units.deptA1.id });
    w.clock.set('2025-03-03T02:12:00Z'); // 12 of 15 minutes used: yellow (75 % = 11:15)
    const dispatcher = await client('dispatcher');
    const yellow = (await dispatcher.get('/api/orders?warning=yellow')).json().items.map((o: { id: string }) => o.id);
    expect(yellow).toContain(late.id);
    const detail = (await dispatcher.get(`/api/orders/${late.id}`)).json();
    expect(detail.order.timeLimit).toMatchObject({ stage: 'sign', warningLevel: 'yellow', remainingMs: 3 * 60_000 });
    expect(detail.deadlines.map((d: { stage: string }) => d.stage)).toEqual(['dispatch', 'sign', 'contact', 'reply']);
    w.clock.set('2025-03-03T02:16:00Z');
    const red = (await dispatcher.get('/api/orders?warning=red')).json().items;
    expect(red.map((o: { id: string }) => o.id)).toContain(late.id);
    expect(red.every((o: { timeLimit: { warningLevel: string } }) => o.timeLimit.warningLevel === 'red')).toBe(true);
    expect((await dispatcher.get('/api/orders?warning=orange')).statusCode).toBe(400);
  });
});

describe('supervision API', () => {
  it('a supervisor issues a 督办单, the unit answers in writing, the supervisor closes it — all in the timeline', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    let o = await newOrder(w);
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    expect((await (await client('unit_handler')).post(`/api/orders/${o.id}/urge`, { note: '请尽快' })).statusCode).toBe(403);
    expect((await (await client('supervisor')).post(`/api/orders/${o.id}/urge`, { note: '请尽快签收' })).statusCode).toBe(200);
    expect((await (await client('operator')).post(`/api/orders/${o.id}/supervisions`, { reason: 'x' })).statusCode).toBe(403);
    const issued = await (
      await client('supervisor')
    ).post(`/api/orders/${o.id}/supervisions`, { reason: '群众反映强烈', dueWorkingDays: 1 });
    expect(issued.statusCode).toBe(201);
    const sid = issued.json().id;
    expect((await (await client('handlerB')).post(`/api/supervisions/${sid}/respond`, { response: '不是我们' })).statusCode).toBe(
      404,
    );
    const answered = await (
      await client('unit_handler')
    ).post(`/api/supervisions/${sid}/respond`, { response: '已安排人员上门' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('responded');
    expect(
      (await (await client('unit_handler')).post(`/api/supervisions/${sid}/respond`, { response: 'again' })).statusCode,
    ).toBe(409);
    expect((await (await client('unit_handler')).post(`/api/supervisions/${sid}/close`, { note: 'ok' })).statusCode).toBe(403);
    const closed = await (await client('supervisor')).post(`/api/supervisions/${sid}/close`, { note: '答复属实' });
    expect(closed.json().status).toBe('closed');
    const mine = (await (await client('unit_admin')).get('/api/supervisions')).json().items.map((s: { id: string }) => s.id);
    expect(mine).toContain(sid);
    const others = (await (await client('handlerB')).get('/api/supervisions')).json().items.map((s: { id: string }) => s.id);
    expect(others).not.toContain(sid);
    const timeline = (await (await client('supervisor')).get(`/api/orders/${o.id}/timeline`)).json();
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual([
      'accept',
      'dispatch',
      'urge',
      'supervise',
      'supervise_response',
      'supervise_close',
    ]);
  });

  it('leaders keep a follow-up list; analysts cannot touch it', async () => {
    w.clock.set('2025-03-03T02:00:00Z');
    const o = await newOrder(w);
    const leader = await client('leader');
    expect((await leader.post(`/api/orders/${o.id}/leader-followup`, { reason: '重点关注' })).json()).toEqual({ added: true });
    expect((await leader.post(`/api/orders/${o.id}/leader-followup`, { reason: '再次' })).json()).toEqual({ added: false });
    const list = (await leader.get('/api/leader-followups')).json().items;
    expect(list.map((f: { order_id: string }) => f.order_id)).toContain(o.id);
    expect((await (await client('analyst')).get('/api/leader-followups')).statusCode).toBe(403);
    expect((await (await client('unit_handler')).post(`/api/orders/${o.id}/leader-followup`, { reason: 'x' })).statusCode).toBe(
      403,
    );
    const end = await leader.request({ method: 'DELETE', url: `/api/orders/${o.id}/leader-followup` });
    expect(end.json()).toEqual({ closed: true });
  });
});

describe('notices API', () => {
  it('the unit sees its notices after the worker ran, and marks them read', async () => {
    const wd = workerDeps(w.deps);
    await twoWorkersTick(wd);
    const handler = await client('unit_handler');
    const r = (await handler.get('/api/notices')).json();
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.unread).toBe(r.items.length);
    expect(r.items.some((n: { kind: string }) => n.kind === 'timelimit.urge')).toBe(true);
    expect(r.items[0].text.zh.length).toBeGreaterThan(0);
    const first = r.items[0].id;
    expect((await handler.post('/api/notices/read', { ids: [first] })).json()).toEqual({ marked: 1 });
    expect((await handler.get('/api/notices?unread=true')).json().items.map((n: { id: number }) => n.id)).not.toContain(first);
    // Another user cannot mark someone else's notices.
    expect((await (await client('handlerB')).post('/api/notices/read', { ids: [r.items[1]?.id ?? first] })).json()).toEqual({
      marked: 0,
    });
    expect((await handler.post('/api/notices/read', {})).json().marked).toBe(r.items.length - 1);
    expect((await app.inject({ method: 'GET', url: '/api/notices' })).statusCode).toBe(401);
  });
});
