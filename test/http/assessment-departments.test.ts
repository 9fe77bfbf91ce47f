import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/db/schema.js';
import { hashPassword } from '../../src/users/password.js';
import { insertUser } from '../../src/users/user.repository.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-10-13T01:00:00Z' }); // Monday 13 October 2025, 09:00 in Beijing
const o: Record<string, Order> = {};

/** Dispatch to `unitId`, sign, contact, reply, review and close with the citizen's rating. */
async function closed(title: string, unitId: string, handler: typeof w.actors.handlerB, satisfied: boolean) {
  let x = await newOrder(w, { title });
  x = await act(w, w.actors.dispatcher, x, 'dispatch', { leadUnitId: unitId });
  w.clock.advance(60_000);
  x = await act(w, handler, x, 'sign', {});
  x = await act(w, handler, x, 'record_contact', { method: 'phone', summary: '已联系' });
  x = await act(w, handler, x, 'reply', { result: 'resolved', text: '已处理' });
  x = await act(w, w.actors.supervisor, x, 'review_accept', {});
  const satisfaction = satisfied ? 'satisfied' : 'dissatisfied';
  return act(w, w.actors.supervisor, x, 'visit_close', { reached: true, satisfaction, resolved: satisfied });
}

const rowsOf = (body: { rows: { unitId: string; parentUnitId: string | null; rank: number | null }[] }) =>
  body.rows.map((r) => [r.unitId, r.parentUnitId, r.rank]);

/** Issue 13: a county department is assessed in its own right, sees its own row and files its own 申诉. */
describe('assessment of the departments below a county', () => {
  let supervisor: Client;
  let countyAdmin: Client;
  let deptAdmin: Client;

  beforeAll(async () => {
    const username = `dept_admin_${w.centreId.slice(0, 8)}`;
    await insertUser(w.deps.db, {
      centreId: w.centreId,
      unitId: w.units.deptA1.id,
      username,
      displayName: 'A旗住建局 考核管理员',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: ['unit_admin'],
    });
    (w.usernames as Record<string, string>).deptAdmin = username;
    // A旗住建局: D1 satisfied, D2 dissatisfied; A旗某镇: nothing this month; B旗's department: B1 satisfied.
    o.D1 = await closed('部门考核 D1', w.units.deptA1.id, w.actors.unit_handler, true);
    o.D2 = await closed('部门考核 D2', w.units.deptA1.id, w.actors.unit_handler, false);
    o.B1 = await closed('部门考核 B1', w.units.deptB1.id, w.actors.handlerB, true);
    supervisor = await asUser(app, w, 'supervisor');
    countyAdmin = await asUser(app, w, 'unit_admin');
    deptAdmin = await asUser(app, w, 'deptAdmin' as keyof typeof w.usernames);
  });

  it('scores the departments of each county, ranked among their siblings after the county ranking', async () => {
    const body = (await supervisor.get('/api/assessment/months/2025-10')).json();
    const { countyA, countyB, deptA1, townA2, deptB1, company } = w.units;
    const top = rowsOf(body).filter(([, parent]) => parent === null);
    expect(top).toEqual([
      [countyB.id, null, 1],
      [countyA.id, null, 2],
      [company.id, null, null],
    ]);
    // Inside county A: 住建局 ranked, 某镇 (no order this month) unranked after it.
    expect(rowsOf(body).filter(([, parent]) => parent === countyA.id)).toEqual([
      [deptA1.id, countyA.id, 1],
      [townA2.id, countyA.id, null],
    ]);
    expect(rowsOf(body).filter(([, parent]) => parent === countyB.id)).toEqual([[deptB1.id, countyB.id, 1]]);
    const dept = body.rows.find((r: { unitId: string }) => r.unitId === deptA1.id);
    expect(dept.unitName).toBe('A旗住建局');
    expect(dept.indicators.map((i: { value: number }) => i.value)).toEqual([1, 0.5, 0.5, null]); // 协办按时率: no assisting tasks
  });

  it("shows a department's admin its own row and its county's; the county's admin also its departments'", async () => {
    const { countyA, deptA1, townA2 } = w.units;
    const own = (await deptAdmin.get('/api/assessment/months/2025-10')).json();
    expect(own.rows.map((r: { unitId: string }) => r.unitId)).toEqual([countyA.id, deptA1.id]);
    const county = (await countyAdmin.get('/api/assessment/months/2025-10')).json();
    expect(county.rows.map((r: { unitId: string }) => r.unitId)).toEqual([countyA.id, deptA1.id, townA2.id]);
  });

  it("files the department's 申诉 under the department; accepted, the order leaves its and its county's score", async () => {
    const filed = await deptAdmin.post('/api/assessment/appeals', { orderId: o.D2!.id, reason: '诉求超出本部门职责' });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().unit_id).toBe(w.units.deptA1.id);
    // The department lists its own 申诉; the county (its subtree) sees it too; county B does not.
    const mine = (await deptAdmin.get('/api/assessment/appeals?month=2025-10')).json();
    expect(mine.items.map((i: { order_no: string; unit_name: string }) => [i.order_no, i.unit_name])).toEqual([
      [o.D2!.order_no, 'A旗住建局'],
    ]);
    const county = (await countyAdmin.get('/api/assessment/appeals?month=2025-10')).json();
    expect(county.items.map((i: { order_no: string }) => i.order_no)).toEqual([o.D2!.order_no]);
    const decided = await supervisor.post(`/api/assessment/appeals/${filed.json().id}/decision`, { accept: true });
    expect(decided.statusCode).toBe(200);
    const body = (await supervisor.get('/api/assessment/months/2025-10')).json();
    const score = (id: string) => body.rows.find((r: { unitId: string }) => r.unitId === id);
    expect(score(w.units.deptA1.id).excludedOrders).toBe(1);
    expect(score(w.units.deptA1.id).indicators.map((i: { value: number }) => i.value)).toEqual([1, 1, 1, null]);
    expect(score(w.units.countyA.id).excludedOrders).toBe(1);
    expect(score(w.units.countyB.id).excludedOrders).toBe(0);
  });
});
