import { beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });

/** The unit inbox's 已超期 tab (web/src/console/unit/UnitInboxPage.tsx): the unit's stages, past due, led in its subtree. */
const INBOX_OVERDUE = 'state=dispatched,handling,extension_requested,return_requested&warning=red&limit=200';

beforeAll(async () => {
  // County A (dept A1) leads three orders: one waiting for its signature (the unit's stage), one
  // replied and waiting for the centre's review, one in the centre's return visit.
  const unsigned = await newOrder(w, { title: '路灯不亮' });
  await act(w, w.actors.dispatcher, unsigned, 'dispatch', { leadUnitId: w.units.deptA1.id });
  let replied = await newOrder(w, { title: '噪音扰民' });
  replied = await act(w, w.actors.dispatcher, replied, 'dispatch', { leadUnitId: w.units.deptA1.id });
  replied = await act(w, w.actors.unit_handler, replied, 'sign', {});
  await act(w, w.actors.unit_handler, replied, 'reply', { result: 'resolved', text: '已处理' });
  await toVisiting(w, w.units.deptA1.id);
  // County B leads one, with dept A1 assisting: not county A's lateness.
  const assisted = await newOrder(w, { title: '道路破损' });
  await act(w, w.actors.dispatcher, assisted, 'dispatch', { leadUnitId: w.units.deptB1.id, assistUnitIds: [w.units.deptA1.id] });
  // A month later every running clock is past due.
  w.clock.advance(30 * 24 * 3600_000);
});

describe('GET /api/kpis/now — red (超期) for a unit and for the centre', () => {
  it("holds a unit to its own stages: the centre's review and return visit are not the unit's lateness", async () => {
    const unitAdmin = await asUser(app, w, 'unit_admin'); // county A
    const now = (await unitAdmin.get('/api/kpis/now')).json();
    expect(now).toMatchObject({ open: 3, red: 1, yellow: 0 });
    const inbox = (await unitAdmin.get(`/api/orders?${INBOX_OVERDUE}&leadUnitId=${w.units.countyA.id}`)).json();
    expect(inbox.items.map((o: { title: string }) => o.title)).toEqual(['路灯不亮']);
    expect(inbox.items).toHaveLength(now.red);
  });

  it('counts every stage centre-wide', async () => {
    const leader = await asUser(app, w, 'leader');
    expect((await leader.get('/api/kpis/now')).json()).toMatchObject({ open: 4, red: 4, yellow: 0 });
  });
});
