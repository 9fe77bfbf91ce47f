import { beforeAll, describe, expect, it } from 'vitest';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { type World } from '../helpers/fixtures.js';
import { asUser, type Client } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

// 派单目录 (issue 14, ADR 0125/0126): rules, their answer, overlap refusal, history, follow/override
// records, the report, and auto-dispatch of exact hits.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
const c = {} as Record<keyof World['usernames'], Client>;
let parentCategoryId = '';
let townRegionId = '';
let otherRegionId = '';

const rule = (over: Record<string, unknown> = {}) => ({
  categoryId: w.categoryId,
  regionId: w.regionId,
  leadUnitId: w.units.deptA1.id,
  ...over,
});
const lookup = async (body: Record<string, unknown>) => {
  const r = await c.operator.post('/api/catalogue/lookup', body);
  expect(r.statusCode).toBe(200);
  return r.json();
};
const ids: Record<string, { id: string; version: number; no: number }> = {};

/** Sessions end with time: sign everyone in again after the clock jumps. */
const signIn = async () => {
  for (const who of Object.keys(w.usernames) as (keyof World['usernames'])[]) c[who] = await asUser(app, w, who);
};

beforeAll(async () => {
  await signIn();
  const leaf = await database.db
    .selectFrom('categories')
    .select('parent_id')
    .where('id', '=', w.categoryId)
    .executeTakeFirstOrThrow();
  parentCategoryId = leaf.parent_id!;
  const town = await insertRegion(database.db, {
    centreId: w.centreId,
    parentId: w.regionId,
    code: 'R11',
    name: 'A旗某镇',
    level: 2,
  });
  townRegionId = town.id;
  const other = await insertRegion(database.db, { centreId: w.centreId, parentId: null, code: 'R2', name: 'B旗', level: 1 });
  otherRegionId = other.id;
});

describe('rules and their answer', () => {
  it('admins create rules; others may not; bad input names the field', async () => {
    const made = await c.admin.post(
      '/api/catalogue/rules',
      rule({ categoryId: parentCategoryId, leadUnitId: w.units.countyA.id, note: '城建类先派旗政府' }),
    );
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      no: 1,
      status: 'active',
      version: 1,
      leadUnitName: 'A旗',
      categoryName: '城乡建设',
      regionName: 'A旗',
    });
    ids.broad = made.json();
    const exact = await c.admin.post('/api/catalogue/rules', rule({ assistUnitIds: [w.units.company.id] }));
    expect(exact.statusCode).toBe(201);
    ids.exact = exact.json();
    const town = await c.admin.post(
      '/api/catalogue/rules',
      rule({ categoryId: parentCategoryId, regionId: townRegionId, leadUnitId: w.units.townA2.id }),
    );
    expect(town.statusCode).toBe(201);
    ids.town = town.json();
    expect((await c.operator.post('/api/catalogue/rules', rule({ regionId: otherRegionId }))).statusCode).toBe(403);
    const bad = await c.admin.post('/api/catalogue/rules', rule({ regionId: otherRegionId, leadUnitId: w.units.centre.id }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('leadUnitId');
    const badDesk = await c.admin.post('/api/catalogue/rules', rule({ regionId: otherRegionId, deskUnitId: w.units.countyA.id }));
    expect(badDesk.json().error.field).toBe('deskUnitId');
  });

  it('hit: the most specific rule answers; exact only for the appeal’s own category and region', async () => {
    const hit = await lookup({ categoryId: w.categoryId, regionId: w.regionId, title: '物业不作为' });
    expect(hit.rule).toMatchObject({ no: ids.exact!.no, leadUnitName: 'A旗住建局', assistUnitNames: ['热力公司'], exact: true });
    expect(hit.autoDispatch).toBe(false);
    // A deeper region beats a deeper category: the town rule (parent category) wins over the leaf rule of the county.
    const town = await lookup({ categoryId: w.categoryId, regionId: townRegionId });
    expect(town.rule).toMatchObject({ no: ids.town!.no, leadUnitName: 'A旗某镇', exact: false });
    // The parent category in the county: only the broad rule applies.
    const broad = await lookup({ categoryId: parentCategoryId, regionId: w.regionId });
    expect(broad.rule).toMatchObject({ no: ids.broad!.no, exact: true, note: '城建类先派旗政府' });
  });

  it('miss: no rule for another region, or without a category', async () => {
    expect((await lookup({ categoryId: w.categoryId, regionId: otherRegionId })).rule).toBeNull();
    expect((await lookup({ regionId: w.regionId })).rule).toBeNull();
  });

  it('appeal type and keywords make a rule more specific', async () => {
    const kw = await c.admin.post('/api/catalogue/rules', rule({ keywords: ['漏水'], leadUnitId: w.units.teamA1a.id }));
    expect(kw.statusCode).toBe(201);
    const complaint = await c.admin.post(
      '/api/catalogue/rules',
      rule({ appealType: 'complaint', leadUnitId: w.units.countyA.id }),
    );
    expect(complaint.statusCode).toBe(201);
    ids.complaint = complaint.json();
    expect((await lookup({ categoryId: w.categoryId, regionId: w.regionId, content: '楼上漏水' })).rule.leadUnitName).toBe(
      'A旗住建局物业科',
    );
    expect((await lookup({ categoryId: w.categoryId, regionId: w.regionId, appealType: 'complaint' })).rule.leadUnitName).toBe(
      'A旗',
    );
    expect((await lookup({ categoryId: w.categoryId, regionId: w.regionId, appealType: 'consult' })).rule.leadUnitName).toBe(
      'A旗住建局',
    );
  });

  it('an overlapping rule is refused with 409 naming the rule it overlaps', async () => {
    const dup = await c.admin.post('/api/catalogue/rules', rule({ leadUnitId: w.units.company.id }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain(`规则 #${ids.exact!.no}`);
    expect(dup.json().error.message).toContain('物业管理 · A旗');
    expect(dup.json().error.message).toContain('A旗住建局');
    expect(dup.json().error.messageEn).toContain(`rule #${ids.exact!.no}`);
    // Keywords in common overlap; keywords apart do not.
    expect((await c.admin.post('/api/catalogue/rules', rule({ keywords: ['漏水', '渗水'] }))).statusCode).toBe(409);
    expect((await c.admin.post('/api/catalogue/rules', rule({ keywords: ['电梯'] }))).statusCode).toBe(201);
  });
});

describe('validity and history', () => {
  it('a rule valid from tomorrow answers from tomorrow; adjacent periods do not overlap', async () => {
    const tomorrow = new Date(w.clock.now().getTime() + 86_400_000).toISOString();
    const later = await c.admin.post('/api/catalogue/rules', rule({ regionId: otherRegionId, validFrom: tomorrow }));
    expect(later.statusCode).toBe(201);
    expect(later.json().status).toBe('future');
    const before = await c.admin.post(
      '/api/catalogue/rules',
      rule({ regionId: otherRegionId, leadUnitId: w.units.deptB1.id, validTo: tomorrow }),
    );
    expect(before.statusCode).toBe(201);
    expect((await lookup({ categoryId: w.categoryId, regionId: otherRegionId })).rule.leadUnitName).toBe('B旗住建局');
    w.clock.advance(2 * 86_400_000);
    await signIn();
    expect((await lookup({ categoryId: w.categoryId, regionId: otherRegionId })).rule.leadUnitName).toBe('A旗住建局');
    const expired = await c.admin.get(`/api/catalogue/rules?status=expired`);
    expect(expired.json().items.map((r: { no: number }) => r.no)).toEqual([before.json().no]);
  });

  it('every edit is a version; a stale edit is 409; expiry ends the rule', async () => {
    const edited = await c.admin.request({
      method: 'PUT',
      url: `/api/catalogue/rules/${ids.complaint!.id}`,
      payload: { ...rule({ appealType: 'complaint', leadUnitId: w.units.deptA1.id, note: '改派住建局' }), version: 1 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, leadUnitName: 'A旗住建局' });
    const stale = await c.admin.request({
      method: 'PUT',
      url: `/api/catalogue/rules/${ids.complaint!.id}`,
      payload: { ...rule({ appealType: 'complaint' }), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const ended = await c.admin.post(`/api/catalogue/rules/${ids.complaint!.id}/expire`, { version: 2 });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ version: 3, status: 'expired' });
    expect((await c.admin.post(`/api/catalogue/rules/${ids.complaint!.id}/expire`, { version: 3 })).statusCode).toBe(409);
    const history = (await c.admin.get(`/api/catalogue/rules/${ids.complaint!.id}/history`)).json();
    expect(history.items.map((v: { version: number; change: string }) => `${v.version}:${v.change}`)).toEqual([
      '3:expire',
      '2:edit',
      '1:create',
    ]);
    expect(history.items[2].rule.leadUnitName).toBe('A旗');
    expect(history.items[1].rule.note).toBe('改派住建局');
    expect(history.items[0].changedByName).toBe('admin 测试');
    expect((await c.admin.get(`/api/catalogue/rules/00000000-0000-4000-8000-000000000000/history`)).statusCode).toBe(404);
    // Ended: a complaint falls back to the plain rule.
    expect((await lookup({ categoryId: w.categoryId, regionId: w.regionId, appealType: 'complaint' })).rule.no).toBe(
      ids.exact!.no,
    );
  });
});

describe('dispatches follow or override the catalogue; the report', () => {
  it('records followed / overridden / no rule, returns per rule, and the shares', async () => {
    const from = w.clock.now().toISOString();
    const followed = await act(w, w.actors.dispatcher, await newOrder(w, { appealType: 'consult' }), 'dispatch', {
      leadUnitId: w.units.deptA1.id,
    });
    await act(w, w.actors.dispatcher, await newOrder(w, { appealType: 'consult' }), 'dispatch', {
      leadUnitId: w.units.deptA1.id,
    });
    await act(w, w.actors.dispatcher, await newOrder(w, { appealType: 'consult' }), 'dispatch', {
      leadUnitId: w.units.deptB1.id,
    });
    await act(w, w.actors.dispatcher, await newOrder(w, { categoryId: undefined, regionId: undefined }), 'dispatch', {
      leadUnitId: w.units.deptB1.id,
    });
    const asked = await act(w, w.actors.unit_handler, followed, 'request_return', { reason: '不属于本单位职责' });
    await act(w, w.actors.dispatcher, asked, 'approve_return', {});
    const rows = await database.db
      .selectFrom('catalogue_dispatches')
      .select(['outcome', 'rule_id', 'returned_at', 'auto'])
      .where('centre_id', '=', w.centreId)
      .orderBy('dispatched_at')
      .execute();
    expect(rows.map((r) => r.outcome)).toEqual(['followed', 'followed', 'overridden', 'no_rule']);
    expect(rows[0]!.rule_id).toBe(ids.exact!.id);
    expect(rows.filter((r) => r.returned_at !== null)).toHaveLength(1);
    w.clock.advance(60_000);
    const report = await c.supervisor.get(`/api/catalogue/report?from=${from}&to=${w.clock.now().toISOString()}`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ dispatches: 4, followed: 2, overridden: 1, noRule: 1, auto: 0 });
    expect(report.json().followRate).toBeCloseTo(2 / 3);
    expect(report.json().rules[0]).toMatchObject({ no: ids.exact!.no, followed: 2, overridden: 1, returned: 1, returnRate: 0.5 });
    expect((await c.unit_handler.get(`/api/catalogue/report?from=${from}&to=${w.clock.now().toISOString()}`)).statusCode).toBe(
      403,
    );
    expect((await c.supervisor.get(`/api/catalogue/report?from=x&to=y`)).statusCode).toBe(400);
  });
});

describe('auto-dispatch of exact hits', () => {
  const drain = () => drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers, batchSize: 50 });
  const stateOf = async (id: string) =>
    await database.db.selectFrom('orders').select(['state', 'lead_unit_id']).where('id', '=', id).executeTakeFirstOrThrow();

  it('is off by default: an exact hit stays for the dispatcher', async () => {
    expect((await c.admin.get('/api/catalogue/settings')).json()).toEqual({ autoDispatch: false });
    const o = await newOrder(w, { appealType: 'consult' });
    w.clock.advance(120_000);
    await drain();
    expect((await stateOf(o.id)).state).toBe('accepted');
  });

  it('on: an exact hit is dispatched after the operator’s grace, recorded as automatic; a miss is not', async () => {
    expect(
      (await c.supervisor.request({ method: 'PUT', url: '/api/catalogue/settings', payload: { autoDispatch: true } })).statusCode,
    ).toBe(403);
    const on = await c.admin.request({ method: 'PUT', url: '/api/catalogue/settings', payload: { autoDispatch: true } });
    expect(on.json()).toEqual({ autoDispatch: true });
    expect((await lookup({ categoryId: w.categoryId, regionId: w.regionId })).autoDispatch).toBe(true);
    const hit = await newOrder(w, { appealType: 'consult' });
    const inherited = await newOrder(w, { appealType: 'consult', regionId: townRegionId });
    const byHand = await newOrder(w, { appealType: 'consult' });
    await act(w, w.actors.dispatcher, byHand, 'dispatch', { leadUnitId: w.units.deptB1.id });
    await drain();
    expect((await stateOf(hit.id)).state).toBe('accepted'); // the operator's grace
    w.clock.advance(61_000);
    await drain();
    expect(await stateOf(hit.id)).toEqual({ state: 'dispatched', lead_unit_id: w.units.deptA1.id });
    expect((await stateOf(inherited.id)).state).toBe('accepted');
    expect((await stateOf(byHand.id)).lead_unit_id).toBe(w.units.deptB1.id);
    const rec = await database.db
      .selectFrom('catalogue_dispatches')
      .selectAll()
      .where('order_id', '=', hit.id)
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ outcome: 'followed', auto: true, rule_id: ids.exact!.id });
    const ev = await database.db
      .selectFrom('order_events')
      .select(['actor_label', 'payload'])
      .where('order_id', '=', hit.id)
      .where('action', '=', 'dispatch')
      .executeTakeFirstOrThrow();
    expect(ev.actor_label).toBe('派单目录自动派单');
    expect(ev.payload).toMatchObject({ assistUnitNames: ['热力公司'] });
  });
});
