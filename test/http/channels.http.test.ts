import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const TOKEN = 'cti-test-token-0123456789';
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_CTI_TOKEN: TOKEN } });
let admin: Client;
let operator: Client;
let analyst: Client;
let unitAdmin: Client;

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  operator = await asUser(app, w, 'operator');
  analyst = await asUser(app, w, 'analyst');
  unitAdmin = await asUser(app, w, 'unit_admin');
});

const appeal = (over: Record<string, unknown> = {}) => ({
  channel: 'phone',
  appealType: 'consult',
  priority: 3,
  title: '咨询社保缴费',
  content: '来电咨询灵活就业人员社保缴费基数。',
  ...over,
});

const patch = (c: Client, url: string, payload: object) => c.request({ method: 'PATCH', url, payload });
const put = (c: Client, url: string, payload: object) => c.request({ method: 'PUT', url, payload });

/** A call as the CTI reports it once it is over (answered or abandoned). */
let seq = 0;
function call(hotlineNumber: string | undefined, offeredAt: string, answered: boolean) {
  seq += 1;
  const at = new Date(Date.parse(offeredAt) + 60_000).toISOString();
  const payload = answered
    ? { callId: `L-${seq}`, event: 'ended', offeredAt, answeredAt: new Date(Date.parse(offeredAt) + 5000).toISOString(), at }
    : { callId: `L-${seq}`, event: 'abandoned', offeredAt, at };
  return app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: { ...payload, ...(hotlineNumber ? { hotlineNumber } : {}) },
  });
}

describe('channel registers (办不成事 windows, merged hotlines)', () => {
  let windowId = '';

  it('admins keep the registers; other roles read, never write; bad input is 400 naming the field', async () => {
    const win = await admin.post('/api/service-windows', {
      name: 'A旗「办不成事」反映窗口',
      hall: 'A旗政务服务中心',
      level: 'county',
      regionId: w.regionId,
    });
    expect(win.statusCode).toBe(201);
    windowId = win.json().id;
    expect((await operator.post('/api/service-windows', { name: 'x', hall: 'y', level: 'centre' })).statusCode).toBe(403);
    const bad = await admin.post('/api/service-windows', { name: 'B', hall: 'H', level: 'town' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('level');
    const dup = await admin.post('/api/service-windows', { name: 'A旗「办不成事」反映窗口', hall: 'H', level: 'centre' });
    expect(dup.statusCode).toBe(409);

    const lines = [
      {
        number: '12315',
        name: '市场监管投诉举报热线',
        formerDepartment: '市场监督管理局',
        mode: 'parallel',
        mergedOn: '2024-10-01',
      },
      {
        number: '12301',
        name: '旅游服务质量监督热线',
        formerDepartment: '文化旅游体育局',
        mode: 'parallel',
        mergedOn: '2024-10-01',
      },
      {
        number: '12336',
        name: '自然资源违法举报热线',
        formerDepartment: '自然资源局',
        mode: 'retired',
        mergedOn: '2024-10-01',
        retiredOn: '2024-10-01',
      },
      { number: '12393', name: '医疗保障服务热线', formerDepartment: '医疗保障局', mode: 'parallel', mergedOn: '2025-03-01' },
    ];
    for (const l of lines) expect((await admin.post('/api/merged-lines', l)).statusCode).toBe(201);
    const noDate = await admin.post('/api/merged-lines', { ...lines[0], number: '12369', mode: 'retired' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.field).toBe('retiredOn');
    expect((await admin.post('/api/merged-lines', { ...lines[0], number: '12-315' })).json().error.field).toContain('number');
    expect((await operator.post('/api/merged-lines', { ...lines[0], number: '12369' })).statusCode).toBe(403);

    const listed = await operator.get('/api/merged-lines');
    expect(listed.json().items.map((l: { number: string }) => l.number)).toEqual(['12301', '12315', '12336', '12393']);
    expect((await operator.get('/api/service-windows')).json().items).toEqual([
      expect.objectContaining({ id: windowId, level: 'county', regionId: w.regionId, active: true }),
    ]);
  });

  it('a line retired later keeps its history; back to 双号并行 clears the date', async () => {
    const line = (await operator.get('/api/merged-lines')).json().items.find((l: { number: string }) => l.number === '12393');
    const retired = await patch(admin, `/api/merged-lines/${line.id}`, { mode: 'retired', retiredOn: '2025-02-01' });
    expect(retired.statusCode).toBe(400); // before the merger
    const ok = await patch(admin, `/api/merged-lines/${line.id}`, { mode: 'retired', retiredOn: '2025-04-01' });
    expect(ok.json()).toMatchObject({ mode: 'retired', retiredOn: '2025-04-01' });
    const back = await patch(admin, `/api/merged-lines/${line.id}`, { mode: 'parallel' });
    expect(back.json()).toMatchObject({ mode: 'parallel', retiredOn: null });
  });

  it('intake records the channel, the window and the number dialled; a wrong pairing is 400 naming the field', async () => {
    const byWindow = await operator.post('/api/orders', appeal({ channel: 'window', windowId, title: '营业执照变更两次未办成' }));
    expect(byWindow.statusCode).toBe(201);
    expect(byWindow.json()).toMatchObject({ channel: 'window', windowId, sourceNumber: null });
    const byLine = await operator.post('/api/orders', appeal({ sourceNumber: '12315' }));
    expect(byLine.json()).toMatchObject({ channel: 'phone', sourceNumber: '12315', windowId: null });
    for (const channel of ['letter', 'email', 'wechat_app', 'grid']) {
      expect((await operator.post('/api/orders', appeal({ channel }))).json().channel).toBe(channel);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'phone', windowId }, 'windowId'],
      [{ channel: 'window', windowId: '00000000-0000-4000-8000-000000000000' }, 'windowId'],
      [{ sourceNumber: '12399' }, 'sourceNumber'],
      [{ channel: 'letter', sourceNumber: '12315' }, 'sourceNumber'],
      [{ channel: 'fax' }, 'channel'],
    ];
    for (const [over, field] of cases) {
      const res = await operator.post('/api/orders', appeal(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.field).toContain(field);
    }
    // A window taken out of service is no longer offered nor accepted.
    await patch(admin, `/api/service-windows/${windowId}`, { active: false });
    expect((await operator.get('/api/service-windows')).json().items).toEqual([]);
    expect((await operator.post('/api/orders', appeal({ channel: 'window', windowId }))).statusCode).toBe(400);
    await patch(admin, `/api/service-windows/${windowId}`, { active: true });
  });
});

describe('the merged-lines report reproduces hand-computed figures', () => {
  beforeAll(async () => {
    // March 2025 (local, UTC+8): 12345 seven calls (one reported without a number), six answered;
    // 12315 four, three answered; 12301 two (one at 00:30 on 1 March local), one answered.
    const march: [string | undefined, string, boolean][] = [
      ['12345', '2025-03-03T01:00:00Z', true],
      ['12345', '2025-03-03T01:10:00Z', true],
      ['12345', '2025-03-04T01:00:00Z', true],
      ['12345', '2025-03-05T01:00:00Z', true],
      ['12345', '2025-03-06T01:00:00Z', true],
      ['12345', '2025-03-07T01:00:00Z', false],
      [undefined, '2025-03-08T01:00:00Z', true],
      ['12315', '2025-03-03T02:00:00Z', true],
      ['12315', '2025-03-04T02:00:00Z', true],
      ['12315', '2025-03-05T02:00:00Z', true],
      ['12315', '2025-03-06T02:00:00Z', false],
      ['12301', '2025-02-28T16:30:00Z', true],
      ['12301', '2025-03-10T02:00:00Z', false],
      // 1 April 00:30 local: April, not March.
      ['12301', '2025-03-31T16:30:00Z', true],
    ];
    // February: 12345 five (all answered), 12315 five (four answered), 12301 one (23:30 on 28 Feb local).
    const february: [string | undefined, string, boolean][] = [
      ...[1, 2, 3, 4, 5].map((d): [string, string, boolean] => ['12345', `2025-02-0${d}T01:00:00Z`, true]),
      ...[1, 2, 3, 4, 5].map((d): [string, string, boolean] => ['12315', `2025-02-0${d}T02:00:00Z`, d !== 5]),
      ['12301', '2025-02-28T15:30:00Z', true],
    ];
    for (const [n, at, answered] of [...march, ...february]) expect((await call(n, at, answered)).statusCode).toBe(200);
    // Phoned appeals in March: 12315 twice (one above), 12301 once, 12345 once by name and once without a number.
    await operator.post('/api/orders', appeal({ sourceNumber: '12315' }));
    await operator.post('/api/orders', appeal({ sourceNumber: '12301' }));
    await operator.post('/api/orders', appeal({ sourceNumber: '12345' }));
    await operator.post('/api/orders', appeal());
    await put(admin, '/api/merged-lines/criterion', { maxCalls: 3, maxShare: 0.25, months: 2 });
  });

  it('per line: offered, answered, 接通率, appeals, share, trend and the retirement mark', async () => {
    const res = await analyst.get('/api/merged-lines/report?month=2025-03');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.criterion).toEqual({ maxCalls: 3, maxShare: 0.25, months: 2 });
    expect(report.total).toMatchObject({ offered: 13, answered: 10, appeals: 5 });
    expect(report.total.answerRate).toBeCloseTo(10 / 13, 10);
    const row = (n: string) => report.rows.find((r: { number: string }) => r.number === n);
    expect(report.rows.map((r: { number: string }) => r.number)).toEqual(['12345', '12301', '12315', '12336', '12393']);
    expect(row('12345')).toMatchObject({ lineId: null, offered: 7, answered: 6, appeals: 2, meetsRetirement: false });
    expect(row('12345').answerRate).toBeCloseTo(6 / 7, 10);
    expect(row('12345').share).toBeCloseTo(7 / 13, 10);
    expect(row('12315')).toMatchObject({ offered: 4, answered: 3, answerRate: 0.75, appeals: 2, meetsRetirement: false });
    expect(row('12315').share).toBeCloseTo(4 / 13, 10);
    // 12301: 2 ≤ 3 calls and 2/13 ≤ 25 % in March, 1 call and 1/11 in February → meets the criterion.
    expect(row('12301')).toMatchObject({ offered: 2, answered: 1, answerRate: 0.5, appeals: 1, meetsRetirement: true });
    expect(row('12301').share).toBeCloseTo(2 / 13, 10);
    expect(row('12301').trend).toHaveLength(6);
    expect(row('12301').trend.map((t: { month: string }) => t.month)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(row('12301').trend[5]).toMatchObject({ offered: 1, answered: 1, answerRate: 1 });
    expect(row('12301').trend[5].share).toBeCloseTo(1 / 11, 10);
    expect(row('12315').trend[5]).toMatchObject({ offered: 5, answered: 4, answerRate: 0.8 });
    // A retired line is not a candidate; a line merged in March has no second month yet.
    expect(row('12336')).toMatchObject({ offered: 0, answerRate: null, share: 0, meetsRetirement: false });
    expect(row('12393')).toMatchObject({ offered: 0, meetsRetirement: false });
    // A lower threshold takes 12301 off the list.
    await put(admin, '/api/merged-lines/criterion', { maxCalls: 1, maxShare: 0.25, months: 2 });
    const stricter = (await analyst.get('/api/merged-lines/report?month=2025-03')).json();
    expect(stricter.rows.find((r: { number: string }) => r.number === '12301').meetsRetirement).toBe(false);
    await put(admin, '/api/merged-lines/criterion', { maxCalls: 3, maxShare: 0.25, months: 2 });
  });

  it('KPIs group by original line and by channel', async () => {
    const byLine = (await analyst.get('/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=line')).json();
    const g = (key: string) => byLine.groups.find((x: { key: string }) => x.key === key);
    expect(g('12315').counters).toMatchObject({ calls_offered: 4, calls_answered: 3, accepted: 2 });
    expect(g('12345').counters).toMatchObject({ calls_offered: 7, calls_answered: 6 });
    expect(g('12301').kpis.answerRate).toMatchObject({ numerator: 1, denominator: 2 });
    const one = (await analyst.get('/api/kpis?from=2025-03-01&to=2025-03-31&line=12315')).json();
    expect(one.total.counters).toMatchObject({ calls_offered: 4, accepted: 2 });
    const byChannel = (await analyst.get('/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=channel')).json();
    const keys = byChannel.groups.map((x: { key: string }) => x.key);
    expect(keys).toEqual(expect.arrayContaining(['phone', 'window', 'letter', 'email', 'wechat_app', 'grid']));
  });

  it('only centre-wide readers see the report; a bad month is 400', async () => {
    expect((await unitAdmin.get('/api/merged-lines/report?month=2025-03')).statusCode).toBe(403);
    expect((await operator.get('/api/merged-lines/report?month=2025-03')).statusCode).toBe(403);
    const bad = await analyst.get('/api/merged-lines/report?month=2025-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('month');
  });
});
