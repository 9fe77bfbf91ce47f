import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertUnit } from '../../src/org/unit.repository.js';
import { ledgerSum } from '../../src/points/points.repository.js';
import {
  addPointsRule,
  awardPoints,
  correctEntry,
  household,
  ledgerOf,
  myPoints,
  residentsFor,
  statement,
} from '../../src/points/points.service.js';
import { addShop, addShopItem, redeemAsResident, redeemAtShop } from '../../src/points/shop.service.js';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { openResidentSession, registerResident, registerSelf } from '../../src/residents/resident.service.js';
import { DomainError } from '../../src/shared/errors.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld('2026-03-03T02:00:00Z');

async function setUp() {
  const village = await insertUnit(w.deps.db, {
    centreId: w.centreId,
    parentId: w.units.townA2.id,
    parentPath: w.units.townA2.path,
    code: `V${Math.random().toString(36).slice(2, 7)}`,
    name: '富康新村',
    kind: 'village',
  });
  const rule = await addPointsRule(w.deps, w.actors.admin, { activityKind: 'sanitation', name: '房前屋后卫生整洁', points: 10 });
  const big = await addPointsRule(w.deps, w.actors.admin, { activityKind: 'volunteering', name: '志愿服务一次', points: 300 });
  const shop = await addShop(w.deps, w.actors.unit_admin, { unitId: village.id, name: '富康新村爱心超市' });
  const soap = await addShopItem(w.deps, w.actors.unit_admin, { shopId: shop.id, name: '洗衣皂', cost: 10, stock: 1000 });
  return { village, rule, big, shop, soap };
}

const codeOf = async (phone: string) => {
  let code = '';
  await requestOtp(w.deps, { phone, clientIp: '127.0.0.9' }, (_, c) => (code = c));
  return code;
};

describe('points ledger and the 爱心超市 (issue 19)', () => {
  it('awards with evidence, corrects with a new entry, keeps entries immutable, balance = ledger sum', async () => {
    const { village, rule } = await setUp();
    const r = await registerResident(w.deps, w.actors.unit_admin, { name: '王秀英', unitId: village.id, householdName: '王家' });
    const first = await awardPoints(w.deps, w.actors.unit_admin, {
      residentId: r.id,
      ruleId: rule.id,
      evidence: '网格员入户检查，照片存档',
    });
    expect(first).toMatchObject({ seq: 1, points: 10, balanceAfter: 10, kind: 'award', activityKind: 'sanitation' });
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: r.id, ruleId: rule.id, evidence: '第二次检查' });
    const fix = await correctEntry(w.deps, w.actors.unit_admin, {
      residentId: r.id,
      entryId: first.id,
      points: -10,
      reason: '重复登记',
    });
    expect(fix).toMatchObject({ seq: 3, kind: 'correction', correctsEntryId: first.id, balanceAfter: 10 });
    // a correction cannot take the balance below zero either
    await expect(
      correctEntry(w.deps, w.actors.unit_admin, { residentId: r.id, entryId: first.id, points: -11, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const ledger = await ledgerOf(w.deps, w.actors.unit_admin, r.id);
    expect(ledger.resident.balance).toBe(10);
    expect((await ledgerSum(w.deps.db, r.id)).sum).toBe(10);
    expect(ledger.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    // the database refuses to change or delete an entry
    await expect(sql`update points_entries set points = 99 where id = ${first.id}`.execute(w.deps.db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`delete from points_entries where id = ${first.id}`.execute(w.deps.db)).rejects.toThrow(/immutable/);
  });

  it('scopes: another county’s handler neither sees nor awards; only staff award; only the configurer adds rules', async () => {
    const { village, rule } = await setUp();
    const r = await registerResident(w.deps, w.actors.unit_admin, { name: '李建国', unitId: village.id });
    await expect(ledgerOf(w.deps, w.actors.handlerB, r.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      awardPoints(w.deps, w.actors.handlerB, { residentId: r.id, ruleId: rule.id, evidence: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      awardPoints(w.deps, w.actors.analyst, { residentId: r.id, ruleId: rule.id, evidence: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      addPointsRule(w.deps, w.actors.unit_handler, { activityKind: 'safety', name: 'x', points: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(registerResident(w.deps, w.actors.handlerB, { name: 'x', unitId: village.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // the analyst reads the whole centre's ledgers
    expect((await ledgerOf(w.deps, w.actors.analyst, r.id)).resident.name).toBe('李建国');
    // the town's grid worker awards on the rounds; the grid reporter (a rider who reports) may not
    const byGrid = await awardPoints(w.deps, w.actors.gridworker, { residentId: r.id, ruleId: rule.id, evidence: '入户查看' });
    expect(byGrid).toMatchObject({ points: 10, balanceAfter: 10 });
    // …and reads the ledgers of their town only: a resident of another county's village is not theirs
    expect((await residentsFor(w.deps, w.actors.gridworker)).residents.map((x) => x.id)).toContain(r.id);
    expect((await ledgerOf(w.deps, w.actors.gridworker, r.id)).resident.balance).toBe(10);
    const elsewhere = await insertUnit(w.deps.db, {
      centreId: w.centreId,
      parentId: w.units.countyB.id,
      parentPath: w.units.countyB.path,
      code: 'VB9',
      name: 'B旗某村',
      kind: 'village',
    });
    const far = await registerResident(w.deps, w.actors.admin, { name: '远方', unitId: elsewhere.id });
    expect((await residentsFor(w.deps, w.actors.gridworker)).residents.map((x) => x.id)).not.toContain(far.id);
    await expect(ledgerOf(w.deps, w.actors.gridworker, far.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      awardPoints(w.deps, w.actors.gridworker, { residentId: far.id, ruleId: rule.id, evidence: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      awardPoints(w.deps, w.actors.grid_reporter, { residentId: r.id, ruleId: rule.id, evidence: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('100 concurrent redemptions against a balance covering 60: exactly 60 succeed, never negative, sums match', async () => {
    const { village, big, soap } = await setUp();
    const r = await registerResident(w.deps, w.actors.unit_admin, { name: '张桂兰', unitId: village.id });
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: r.id, ruleId: big.id, evidence: '志愿服务' });
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: r.id, ruleId: big.id, evidence: '志愿服务' });
    // 600 points; each redemption costs 10
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        redeemAtShop(w.deps, w.actors.unit_admin, { residentId: r.id, itemId: soap.id, quantity: 1 }),
      ),
    );
    const ok = results.filter((x) => x.status === 'fulfilled');
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(ok).toHaveLength(60);
    expect(refused).toHaveLength(40);
    for (const f of refused) {
      expect(f.reason).toBeInstanceOf(DomainError);
      expect((f.reason as DomainError).code).toBe('CONFLICT');
    }
    const { sum, count } = await ledgerSum(w.deps.db, r.id);
    expect(sum).toBe(0);
    expect(count).toBe(62);
    const ledger = await ledgerOf(w.deps, w.actors.unit_admin, r.id);
    expect(ledger.resident.balance).toBe(0);
    const min = await sql<{
      m: number;
    }>`select min(balance_after)::int as m from points_entries where resident_id = ${r.id}`.execute(w.deps.db);
    expect(min.rows[0]!.m).toBeGreaterThanOrEqual(0);
    const stock = await sql<{ stock: number }>`select stock from shop_items where id = ${soap.id}`.execute(w.deps.db);
    expect(stock.rows[0]!.stock).toBe(1000 - 60);
  });

  it('monthly statement: opening, credits, debits, closing, by activity; household stars by earned points', async () => {
    const { village, rule, big, soap } = await setUp();
    const hh = await registerResident(w.deps, w.actors.unit_admin, { name: '赵大爷', unitId: village.id, householdName: '赵家' });
    const { resident } = await ledgerOf(w.deps, w.actors.unit_admin, hh.id);
    const wife = await registerResident(w.deps, w.actors.unit_admin, {
      name: '赵大娘',
      unitId: village.id,
      householdId: resident.householdId!,
    });
    w.clock.set('2026-03-20T02:00:00Z');
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: hh.id, ruleId: rule.id, evidence: '三月' });
    w.clock.set('2026-04-05T02:00:00Z');
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: hh.id, ruleId: big.id, evidence: '四月' });
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: wife.id, ruleId: rule.id, evidence: '四月' });
    await redeemAtShop(w.deps, w.actors.unit_admin, { residentId: hh.id, itemId: soap.id, quantity: 3 });
    const april = await statement(w.deps, w.actors.unit_admin, hh.id, '2026-04');
    expect(april).toMatchObject({ opening: 10, credits: 300, debits: 30, closing: 280 });
    expect(april.byActivity).toEqual([{ activityKind: 'volunteering', points: 300 }]);
    expect(april.entries).toHaveLength(2);
    const march = await statement(w.deps, w.actors.unit_admin, hh.id, '2026-03');
    expect(march).toMatchObject({ opening: 0, credits: 10, debits: 0, closing: 10 });
    const h = await household(w.deps, w.actors.unit_admin, resident.householdId!);
    // earned 320 (redemptions keep the stars): 50, 100, 200 reached → 3 stars
    expect(h).toMatchObject({ points: 320, stars: 3 });
    expect(h.members.map((m) => m.balance).sort((a, b) => a - b)).toEqual([10, 280]);
  });

  it('a resident proves the phone, registers, sees the points and redeems on the portal', async () => {
    const { village, rule, soap } = await setUp();
    const phone = '13800138019';
    const session = await openResidentSession(w.deps, { phone, code: await codeOf(phone) });
    expect(session.registered).toBe(false);
    await expect(myPoints(w.deps, session.token)).rejects.toMatchObject({ code: 'CONFLICT' });
    await registerSelf(w.deps, session.token, { name: '孙丽', unitId: village.id });
    const me = await myPoints(w.deps, session.token);
    expect(me).toMatchObject({ name: '孙丽', balance: 0 });
    const { residents } = await (await import('../../src/points/points.service.js')).residentsFor(w.deps, w.actors.unit_admin);
    const mine = residents.find((x) => x.name === '孙丽')!;
    expect(mine.phoneVerified).toBe(true);
    expect(mine.phone).not.toBe(phone); // masked for a reader without pii.read
    await awardPoints(w.deps, w.actors.unit_admin, { residentId: mine.id, ruleId: rule.id, evidence: '卫生' });
    await expect(redeemAsResident(w.deps, session.token, { itemId: soap.id, quantity: 2 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const done = await redeemAsResident(w.deps, session.token, { itemId: soap.id, quantity: 1 });
    expect(done).toMatchObject({ balance: 0, entry: { kind: 'redemption', points: -10, itemName: '洗衣皂' } });
    await expect(myPoints(w.deps, 'not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
