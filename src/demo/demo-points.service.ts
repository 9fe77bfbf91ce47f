import type { ActivityKind } from '../contract/points.js';
import type { Executor } from '../db/database.js';
import { appendEntry } from '../points/points-ledger.js';
import { insertRule, insertShop, insertShopItem, savePointsSettings, takeStock } from '../points/points.repository.js';
import { insertHousehold, insertResident } from '../residents/resident.repository.js';
import type { Clock } from '../shared/clock.js';
import { findUserByUsername } from '../users/user.repository.js';
import { DEMO_PORTAL_CALLER_PHONE } from './demo-desk.data.js';
import type { DemoCatalog } from './demo-org.service.js';
import { Rng } from './rng.js';

/** 积分制 rules over the seven kinds of activity (Chifeng's scheme), points per occasion. */
export const DEMO_POINTS_RULES: { kind: ActivityKind; name: string; points: number }[] = [
  { kind: 'party_building', name: '参加主题党日活动', points: 10 },
  { kind: 'beautiful_village', name: '庭院美化、参与村容整治', points: 15 },
  { kind: 'safety', name: '参加治安巡逻', points: 10 },
  { kind: 'legal_education', name: '参加普法宣传学习', points: 5 },
  { kind: 'civilised_customs', name: '红白事简办、孝老爱亲', points: 20 },
  { kind: 'volunteering', name: '参加志愿服务活动', points: 10 },
  { kind: 'sanitation', name: '房前屋后卫生整洁', points: 5 },
];

const GOODS: { name: string; cost: number; stock: number }[] = [
  { name: '毛巾', cost: 15, stock: 40 },
  { name: '牙膏', cost: 20, stock: 30 },
  { name: '洗衣粉', cost: 30, stock: 25 },
  { name: '食用油（5升）', cost: 80, stock: 10 },
  { name: '大米（10斤）', cost: 100, stock: 8 },
];

const HOUSEHOLDS: { name: string; members: string[]; village: 0 | 1 }[] = [
  { name: '王家（团结社区3号楼）', members: ['王秀英', '王建华'], village: 0 },
  { name: '李家（团结社区7号楼）', members: ['李桂兰'], village: 0 },
  { name: '张家（团结社区平房区）', members: ['张福山', '张淑芬'], village: 0 },
  { name: '巴特尔家（额尔敦社区）', members: ['巴特尔', '其木格'], village: 1 },
  { name: '刘家（额尔敦社区）', members: ['刘玉梅'], village: 1 },
];

/**
 * The demo's 积分 and 爱心超市 (issue 19): the seven kinds' rules, a shop in 团结社区 with goods,
 * households of two communities under 希日塔拉街道 whose members earned points over three months
 * (awarded by the street's handler, `townhandler`), a few redemptions. The
 * portal's demo phone belongs to 王秀英, so "我的积分" shows a ledger after the one-time code.
 */
/** The demo centre's 有效反映 points per handled and closed appeal of a verified resident. */
export const DEMO_USEFUL_REPORT_POINTS = 5;

export async function seedDemoPoints(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const street = catalog.units.find((u) => u.name === '锡林浩特市希日塔拉街道');
  const staff = await findUserByUsername(tx, 'townhandler');
  if (!street || !staff) return 0;
  const villages = catalog.units.filter((u) => u.kind === 'village' && u.parent_id === street.id);
  if (villages.length < 2) return 0;
  const now = clock.now();
  const rules = [];
  for (const r of DEMO_POINTS_RULES) {
    const { id } = await insertRule(tx, {
      centreId: catalog.centreId,
      activityKind: r.kind,
      name: r.name,
      points: r.points,
      at: now,
    });
    rules.push({ ...r, id });
  }
  // 有效反映: a verified resident's appeal, handled and closed, earns 5 points (useful-report.hook.ts)
  await savePointsSettings(tx, catalog.centreId, { usefulReportPoints: DEMO_USEFUL_REPORT_POINTS }, now);
  const shop = await insertShop(tx, { centreId: catalog.centreId, unitId: villages[0]!.id, name: '团结社区爱心超市', at: now });
  const items = [];
  for (const g of GOODS) items.push({ ...g, id: (await insertShopItem(tx, { shopId: shop.id, ...g, at: now })).id });
  const rng = new Rng(19);
  const rnd = () => rng.next();
  const day = 86_400_000;
  let entries = 0;
  let first = true;
  for (const h of HOUSEHOLDS) {
    const unit = villages[h.village]!;
    const household = await insertHousehold(tx, {
      centreId: catalog.centreId,
      unitId: unit.id,
      name: h.name,
      at: new Date(now.getTime() - 100 * day),
    });
    for (const name of h.members) {
      const resident = await insertResident(tx, {
        centreId: catalog.centreId,
        unitId: unit.id,
        householdId: household.id,
        name,
        phone: first ? DEMO_PORTAL_CALLER_PHONE : null,
        verifiedAt: null,
        registeredBy: staff.id,
        at: new Date(now.getTime() - 100 * day),
      });
      first = false;
      const awards = 6 + Math.floor(rnd() * 10);
      const times = Array.from({ length: awards }, () => now.getTime() - Math.floor(rnd() * 90 * day) - day).sort(
        (a, b) => a - b,
      );
      for (const t of times) {
        const rule = rules[Math.floor(rnd() * rules.length)]!;
        await appendEntry(tx, {
          centreId: catalog.centreId,
          residentId: resident.id,
          kind: 'award',
          activityKind: rule.kind,
          ruleId: rule.id,
          points: rule.points,
          note: rule.name,
          evidence: '网格员现场核实，照片存档',
          byUserId: staff.id,
          itemId: null,
          quantity: null,
          correctsEntryId: null,
          sourceKey: null,
          at: new Date(t),
        });
        entries++;
      }
      // one cheap redemption each for some (what they earned covers it)
      if (rnd() < 0.6) {
        const item = items[Math.floor(rnd() * 2)]!;
        await appendEntry(tx, {
          centreId: catalog.centreId,
          residentId: resident.id,
          kind: 'redemption',
          activityKind: null,
          ruleId: null,
          points: -item.cost,
          note: null,
          evidence: null,
          byUserId: staff.id,
          itemId: item.id,
          quantity: 1,
          correctsEntryId: null,
          sourceKey: null,
          at: new Date(now.getTime() - Math.floor(rnd() * day)),
        });
        await takeStock(tx, item.id, 1);
        entries++;
      }
    }
  }
  return entries;
}
