import { describe, expect, it } from 'vitest';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2026-03-03T02:00:00Z' });

async function phoneToken(phone: string): Promise<string> {
  let code = '';
  await requestOtp(w.deps, { phone, clientIp: `127.0.2.${phone.slice(-2)}` }, (_, c) => (code = c));
  const s = await app.inject({ method: 'POST', url: '/api/portal/resident/session', payload: { phone, code } });
  expect(s.statusCode).toBe(200);
  return s.json<{ token: string }>().token;
}

describe('民生实事 and 票决 over HTTP (issue 19, ADR 0206)', () => {
  it('roles, 400 naming fields, vote once per phone (also at once), close adopts the top, public list without personal data', async () => {
    const leader = await asUser(app, w, 'leader');
    const analyst = await asUser(app, w, 'analyst');
    const handler = await asUser(app, w, 'unit_handler');
    const operator = await asUser(app, w, 'operator');

    const options = await leader.get('/api/matters/options');
    expect(options.statusCode).toBe(200);
    expect(options.json<{ leaders: { id: string }[] }>().leaders.map((l) => l.id)).toEqual([w.actors.leader.userId]);
    expect((await analyst.get('/api/matters/options')).statusCode).toBe(403);

    const body = (title: string) => ({
      year: 2026,
      title,
      description: '列入年度民生实事候选',
      leaderId: w.actors.leader.userId,
      unitIds: [w.units.deptA1.id],
      source: 'scratch',
      milestones: [{ name: '开工', dueOn: '2026-05-01' }],
    });
    const bad = await leader.post('/api/matters', { ...body('  '), leaderId: 'nope', milestones: [{ name: 'x', dueOn: '5月' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/title|leaderId|dueOn/);
    const badYear = await leader.post('/api/matters', { ...body('x'), year: 1999 });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('year');
    const badDate = await leader.post('/api/matters', { ...body('x'), milestones: [{ name: 'x', dueOn: '2026-13-01' }] });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('dueOn');
    expect((await analyst.post('/api/matters', body('x'))).statusCode).toBe(403);
    expect((await operator.get('/api/matters?year=2026')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/matters?year=2026' })).statusCode).toBe(401);

    const ids: string[] = [];
    for (const t of ['城区供暖管网改造', '农贸市场提升', '校园周边停车']) {
      const r = await leader.post('/api/matters', body(t));
      expect(r.statusCode).toBe(201);
      ids.push(r.json<{ id: string }>().id);
    }
    expect((await handler.get('/api/matters?year=2026')).json<{ matters: unknown[] }>().matters).toHaveLength(3);
    expect((await handler.post(`/api/matters/${ids[0]}/status`, { to: 'adopted' })).statusCode).toBe(403);
    expect((await leader.post(`/api/matters/${ids[0]}/status`, { to: 'finished' })).body).toContain('to');

    const badRound = await leader.post('/api/matter-rounds', {
      year: 2026,
      title: '票决',
      opensAt: 'tomorrow',
      closesAt: '2026-03-10T00:00:00Z',
      maxPicks: 1,
      adoptCount: 1,
      matterIds: ids,
    });
    expect(badRound.statusCode).toBe(400);
    expect(badRound.body).toContain('opensAt');
    const round = await leader.post('/api/matter-rounds', {
      year: 2026,
      title: '2026 年民生实事票决',
      opensAt: '2026-03-03T00:00:00Z',
      closesAt: '2026-03-10T00:00:00Z',
      maxPicks: 2,
      adoptCount: 1,
      matterIds: ids,
    });
    expect(round.statusCode).toBe(201);
    const roundId = round.json<{ id: string }>().id;

    const shown = await app.inject({ method: 'GET', url: '/api/portal/matter-round' });
    expect(shown.json<{ candidates: unknown[] }>().candidates).toHaveLength(3);
    const vote = (token: string | undefined, matterId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/portal/matter-rounds/${roundId}/votes`,
        headers: token ? { 'x-resident-token': token } : {},
        payload: { matterId },
      });
    expect((await vote(undefined, ids[0]!)).statusCode).toBe(401);
    const a = await phoneToken('13600000011');
    const b = await phoneToken('13600000012');
    const twice = await Promise.all([vote(a, ids[1]!), vote(a, ids[1]!)]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await vote(a, 'not-a-uuid')).body).toContain('matterId');
    expect((await vote(b, ids[1]!)).statusCode).toBe(201);
    expect((await vote(b, ids[2]!)).json()).toMatchObject({ picksLeft: 0 });
    const mine = await app.inject({ method: 'GET', url: '/api/portal/matter-round', headers: { 'x-resident-token': b } });
    expect(mine.json<{ myPicks: string[] }>().myPicks.sort()).toEqual([ids[1], ids[2]].sort());

    expect((await analyst.post(`/api/matter-rounds/${roundId}/close`)).statusCode).toBe(403);
    const closed = await leader.post(`/api/matter-rounds/${roundId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', voters: 2, auditOk: true });
    expect(closed.json<{ tally: { matterId: string; status: string; votes: number }[] }>().tally[0]).toMatchObject({
      matterId: ids[1],
      votes: 2,
      status: 'adopted',
    });
    expect((await vote(a, ids[0]!)).statusCode).toBe(409);

    const progress = await handler.post(`/api/matters/${ids[1]}/progress`, { body: '管网改造完成 40%' });
    expect(progress.statusCode).toBe(200);
    expect((await handler.post(`/api/matters/${ids[1]}/progress`, { body: ' ' })).body).toContain('body');

    const pub = await app.inject({ method: 'GET', url: '/api/portal/matters?year=2026' });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('管网改造完成 40%');
    expect(pub.body).toContain('A旗住建局');
    for (const secret of ['测试', '1360000001', w.actors.leader.userId!, w.usernames.leader])
      expect(pub.body).not.toContain(secret);
    expect((await app.inject({ method: 'GET', url: '/api/portal/matters?year=abc' })).body).toContain('year');
  });
});
