import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from '../../src/audit/audit-key.js';
import { verifyAuditTrail } from '../../src/audit/audit-verify.service.js';
import { computeKpis } from '../../src/analytics/kpi/kpi.service.js';
import { runRetention } from '../../src/retention/retention.service.js';
import { ERASED } from '../../src/retention/scrub.js';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// ADR 0174: closed orders past the centre's retention period lose their caller's personal data; the
// figures and the audit chains are the same afterwards.
const { database, w } = useWorld();
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-retention-key-'));
const key = loadAuditKey(path.join(keyDir, 'audit-signing.pem'));
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

const DAY = 24 * 3600_000;
const orderRow = (id: string) => database.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('retention: personal data of closed orders erased after the centre’s years (issue 15)', () => {
  it('erases caller data and identifiers in free text of orders closed > 3 years ago; figures and chains unchanged', async () => {
    const from = w.clock.now().toISOString().slice(0, 10);
    // A closed order whose text repeats the caller's name and number, with a return-visit note.
    let closed = await toVisiting(w);
    await database.db
      .updateTable('orders')
      .set({
        caller_name: '张丽华',
        caller_phone: '13987654321',
        address: '幸福小区3号楼2单元',
        content: '张丽华反映幸福小区3号楼2单元暖气不热，请回电13987654321。',
        lat: 43.933456,
        lng: 116.086789,
      })
      .where('id', '=', closed.id)
      .execute();
    closed = await orderRow(closed.id);
    closed = await act(w, w.actors.supervisor, closed, 'visit_close', {
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    expect(closed.state).toBe('closed');
    await database.db
      .updateTable('return_visits')
      .set({ note: '张女士表示满意，手机 139-8765-4321' })
      .where('order_id', '=', closed.id)
      .execute();
    // An order still open, and one closed two years later (not due yet).
    const open = await newOrder(w, { callerName: '李四', callerPhone: '13700001111' });
    const to = w.clock.now().toISOString().slice(0, 10);
    const before = await Promise.all([
      computeKpis(w.deps, { centreId: w.centreId, from, to, groupBy: 'unit' }),
      computeKpis(w.deps, { centreId: w.centreId, from, to, groupBy: 'category' }),
    ]);
    w.clock.advance(2 * 365 * DAY);
    const recent = await act(w, w.actors.supervisor, await toVisiting(w), 'visit_close', {
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    w.clock.advance(365 * DAY + 2 * DAY);

    // The dry run counts and changes nothing.
    const dry = await runRetention(w.deps, { dryRun: true });
    expect(dry).toEqual([expect.objectContaining({ retentionYears: 3, due: 1, anonymised: 0 })]);
    expect((await orderRow(closed.id)).caller_name).toBe('张丽华');

    const [run] = await runRetention(w.deps);
    expect(run).toMatchObject({ due: 0, anonymised: 1 });
    const erased = await orderRow(closed.id);
    expect(erased).toMatchObject({ caller_name: null, caller_phone: null, address: null, lat: 43.93, lng: 116.09 });
    expect(erased.anonymised_at).not.toBeNull();
    expect(erased.content).toBe(`${ERASED}反映${ERASED}暖气不热，请回电${ERASED}。`);
    expect(erased.search_vector).not.toContain('13987654321');
    const visit = await database.db
      .selectFrom('return_visits')
      .select('note')
      .where('order_id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(visit.note).toBe(`${ERASED}表示满意，手机 ${ERASED}`);
    // Untouched: the open order and the one closed a year ago.
    expect((await orderRow(open.id)).caller_name).toBe('李四');
    expect((await orderRow(recent.id)).caller_phone).toBe('13812341234');
    // On the order's timeline (a chained row) and in the audit trail.
    const event = await database.db
      .selectFrom('order_events')
      .select(['action', 'actor_label', 'payload'])
      .where('order_id', '=', closed.id)
      .where('action', '=', 'anonymise')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ retentionYears: 3, textReplacements: 5 });
    const audit = await database.db
      .selectFrom('pii_access_log')
      .select('detail')
      .where('purpose', '=', 'retention.anonymised')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ orders: 1, retentionYears: 3 });

    // Every figure of the period is the same as before the erasure.
    const after = await Promise.all([
      computeKpis(w.deps, { centreId: w.centreId, from, to, groupBy: 'unit' }),
      computeKpis(w.deps, { centreId: w.centreId, from, to, groupBy: 'category' }),
    ]);
    expect(after).toEqual(before);
    // `lianxin audit verify` stays intact: nothing chained was edited.
    const verified = await verifyAuditTrail(database.db, key, { now: w.clock.now() });
    expect(verified.chains.filter((c) => c.broken)).toEqual([]);

    // A second run finds nothing; a centre with a shorter period erases the recent one too.
    expect((await runRetention(w.deps))[0]).toMatchObject({ due: 0, anonymised: 0 });
    await database.db.updateTable('centres').set({ pii_retention_years: 1 }).where('id', '=', w.centreId).execute();
    expect((await runRetention(w.deps))[0]).toMatchObject({ retentionYears: 1, anonymised: 1 });
    expect((await orderRow(recent.id)).caller_phone).toBeNull();
  });
});
