import { beforeAll, describe, expect, it } from 'vitest';
import { asUser, type Client } from '../helpers/http.js';
import { addSubCentres, type SubCentreWorld } from '../helpers/sub-centres.js';
import { useApp } from '../helpers/use-world.js';

// A catalogue rule's sub-centre (desk) routes intake when routing is on (ADR 0110, 0125): it wins
// over routing by region; with routing off it routes nothing.
const { w, app } = useApp();
let s: SubCentreWorld;
const c = {} as Record<'operator' | 'admin' | 'league', Client>;

beforeAll(async () => {
  s = await addSubCentres(w);
  c.operator = await asUser(app, w, 'operator');
  c.admin = await asUser(app, w, 'admin');
  c.league = await asUser(app, w, 'dispatcher');
});

async function accept(title: string) {
  const res = await c.operator.post('/api/orders', {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title,
    content: `${title}，请尽快处理。`,
    callerName: '王五',
    callerPhone: '13812345678',
    categoryId: w.categoryId,
    regionId: w.regionId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; deskUnitId: string | null };
}
const acceptFacts = async (orderId: string) => {
  const res = await c.league.get(`/api/orders/${orderId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  const accept = (res.json() as { events: { action: string; payload: Record<string, unknown> }[] }).events.find(
    (e) => e.action === 'accept',
  )!;
  const { deskUnitId, deskName, routedBy, catalogueRuleNo } = accept.payload;
  return Object.fromEntries(
    Object.entries({ deskUnitId, deskName, routedBy, catalogueRuleNo }).filter(([, v]) => v !== undefined),
  );
};
const routing = (on: boolean) => c.admin.request({ method: 'PUT', url: '/api/sub-centres/routing', payload: { on } });

describe('the catalogue’s desk at intake', () => {
  it('routes to the rule’s sub-centre over the region’s, only while routing is on', async () => {
    const rule = await c.admin.post('/api/catalogue/rules', {
      categoryId: w.categoryId,
      regionId: w.regionId,
      keywords: ['界河'],
      leadUnitId: w.units.deptB1.id,
      deskUnitId: s.deskB.id,
      note: '界河治理由B旗分中心统一派单',
    });
    expect(rule.statusCode, rule.body).toBe(201);

    // The rule answers: its desk holds the order, though the region is desk A's.
    const byRule = await accept('界河河道堵塞');
    expect(byRule.deskUnitId).toBe(s.deskB.id);
    // No rule with a desk: routing by region as before.
    const byRegion = await accept('小区路灯不亮');
    expect(byRegion.deskUnitId).toBe(s.deskA.id);
    // The accept event on the timeline says where intake sent each and why (ADR 0193).
    expect(await acceptFacts(byRule.id)).toEqual({
      deskUnitId: s.deskB.id,
      deskName: 'B旗12345分中心',
      routedBy: 'catalogue',
      catalogueRuleNo: (rule.json() as { no: number }).no,
    });
    expect(await acceptFacts(byRegion.id)).toEqual({ deskUnitId: s.deskA.id, deskName: s.deskA.name, routedBy: 'region' });

    // Routing off: neither the region nor the rule routes.
    expect((await routing(false)).statusCode).toBe(200);
    const unrouted = await accept('界河又堵了');
    expect(unrouted.deskUnitId).toBeNull();
    expect(await acceptFacts(unrouted.id)).toEqual({});
    expect((await routing(true)).statusCode).toBe(200);
    expect((await accept('界河第三次堵塞')).deskUnitId).toBe(s.deskB.id);

    // The dispatch dialog's answer names the desk.
    const lookup = await c.operator.post('/api/catalogue/lookup', {
      categoryId: w.categoryId,
      regionId: w.regionId,
      title: '界河',
    });
    expect(lookup.json().rule).toMatchObject({ deskUnitId: s.deskB.id, deskUnitName: 'B旗12345分中心' });
  });
});
