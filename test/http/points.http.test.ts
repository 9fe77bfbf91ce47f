import { describe, expect, it } from 'vitest';
import { insertUnit } from '../../src/org/unit.repository.js';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2026-03-03T02:00:00Z' });

describe('points and the 爱心超市 over HTTP (issue 19)', () => {
  it('staff register, award, correct, redeem; scopes and bad input answered, portal shows no personal data', async () => {
    const village = await insertUnit(w.deps.db, {
      centreId: w.centreId,
      parentId: w.units.townA2.id,
      parentPath: w.units.townA2.path,
      code: 'VH1',
      name: '团结村',
      kind: 'village',
    });
    const admin = await asUser(app, w, 'admin');
    const staff = await asUser(app, w, 'unit_admin');
    const other = await asUser(app, w, 'handlerB');
    const analyst = await asUser(app, w, 'analyst');

    const rule = await admin.post('/api/points/rules', { activityKind: 'safety', name: '参加治安巡逻', points: 50 });
    expect(rule.statusCode).toBe(201);
    expect((await staff.post('/api/points/rules', { activityKind: 'safety', name: 'x', points: 1 })).statusCode).toBe(403);
    const badKind = await admin.post('/api/points/rules', { activityKind: 'nonsense', name: 'x', points: 1 });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('activityKind');

    const shop = await staff.post('/api/shops', { unitId: village.id, name: '团结村爱心超市' });
    expect(shop.statusCode).toBe(201);
    const item = await staff.post(`/api/shops/${shop.json<{ id: string }>().id}/items`, { name: '食用油', cost: 40, stock: 2 });
    expect(item.statusCode).toBe(201);
    const itemId = item.json<{ id: string }>().id;

    const resident = await staff.post('/api/residents', {
      name: '王秀英',
      unitId: village.id,
      phone: '13900001111',
      householdName: '王家',
    });
    expect(resident.statusCode).toBe(201);
    const residentId = resident.json<{ id: string }>().id;
    expect((await staff.post('/api/residents', { name: '重复', unitId: village.id, phone: '13900001111' })).statusCode).toBe(409);

    const noEvidence = await staff.post(`/api/residents/${residentId}/awards`, {
      ruleId: rule.json<{ id: string }>().id,
      evidence: '  ',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.body).toContain('evidence');
    const award = await staff.post(`/api/residents/${residentId}/awards`, {
      ruleId: rule.json<{ id: string }>().id,
      evidence: '巡逻记录',
    });
    expect(award.statusCode).toBe(201);
    expect(award.json()).toMatchObject({ points: 50, balanceAfter: 50 });
    expect(
      (await other.post(`/api/residents/${residentId}/awards`, { ruleId: rule.json<{ id: string }>().id, evidence: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await other.get(`/api/residents/${residentId}/ledger`)).statusCode).toBe(404);
    expect((await other.get('/api/residents')).json<{ residents: unknown[] }>().residents).toHaveLength(0);

    const redeem = await staff.post(`/api/residents/${residentId}/redemptions`, { itemId, quantity: 1 });
    expect(redeem.statusCode).toBe(201);
    expect(redeem.json()).toMatchObject({ balance: 10, stockLeft: 1 });
    const tooMuch = await staff.post(`/api/residents/${residentId}/redemptions`, { itemId, quantity: 1 });
    expect(tooMuch.statusCode).toBe(409);

    const ledger = await analyst.get(`/api/residents/${residentId}/ledger`);
    expect(ledger.statusCode).toBe(200);
    const body = ledger.json<{ resident: { phone: string; balance: number; householdId: string }; entries: unknown[] }>();
    expect(body.resident.balance).toBe(10);
    expect(body.resident.phone).not.toBe('13900001111');
    expect(body.entries).toHaveLength(2);
    const statement = await analyst.get(`/api/residents/${residentId}/statement?month=2026-03`);
    expect(statement.json()).toMatchObject({ opening: 0, credits: 50, debits: 40, closing: 10 });
    expect((await analyst.get(`/api/residents/${residentId}/statement?month=2026-13`)).statusCode).toBe(400);
    expect((await analyst.get(`/api/households/${body.resident.householdId}`)).json()).toMatchObject({ points: 50, stars: 1 });

    // the portal: public shops, no names or phones; the resident's own page needs the phone's code
    const shops = await app.inject({ method: 'GET', url: '/api/portal/shops' });
    expect(shops.statusCode).toBe(200);
    expect(shops.body).toContain('食用油');
    expect(shops.body).not.toContain('王秀英');
    expect((await app.inject({ method: 'GET', url: '/api/portal/resident/points' })).statusCode).toBe(401);
    let code = '';
    await requestOtp(w.deps, { phone: '13900001111', clientIp: '127.0.0.3' }, (_, c) => (code = c));
    const session = await app.inject({
      method: 'POST',
      url: '/api/portal/resident/session',
      payload: { phone: '13900001111', code },
    });
    expect(session.statusCode).toBe(200);
    const { token, registered } = session.json<{ token: string; registered: boolean }>();
    expect(registered).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/api/portal/resident/points', headers: { 'x-resident-token': token } });
    expect(me.json()).toMatchObject({ name: '王秀英', balance: 10, householdStars: 1 });
    const communities = await app.inject({ method: 'GET', url: '/api/portal/communities' });
    expect(communities.json<{ communities: { name: string }[] }>().communities.map((c) => c.name)).toContain('团结村');
  });
});
