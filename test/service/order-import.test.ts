import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from '../../src/audit/audit-key.js';
import { verifyAuditTrail } from '../../src/audit/audit-verify.service.js';
import { computeKpis } from '../../src/analytics/kpi/kpi.service.js';
import type { ImportMapping } from '../../src/contract/imports.js';
import { importOrders, previewImportFile } from '../../src/imports/order-import.service.js';
import { newOrder } from '../helpers/orders.js';
import { generateRows, GENERATED_MAPPING, handCounters, rowsToCsv } from '../helpers/import-rows.js';
import { useWorld } from '../helpers/use-world.js';

// Issue 17 (ADRs 0183, 0184): import of a previous system's records on both databases.
const { database, w } = useWorld('2025-06-16T02:00:00Z');
const db = () => database.db;
const admin = () => w.actors.admin;
const enc = (text: string) => new TextEncoder().encode(text);
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-import-key-'));
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

const count = async (table: 'orders' | 'outbox' | 'order_deadlines' | 'order_events') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db())).rows[0]!.n);

const MAPPING: ImportMapping = {
  columns: {
    originalNo: '工单编号',
    channel: '来源',
    category: '分类',
    unit: '承办单位',
    callerPhone: '电话',
    content: '内容',
    createdAt: '登记时间',
    repliedAt: '答复时间',
    closedAt: '办结时间',
    finalState: '状态',
    visitResult: '回访',
  },
  values: { channel: { 热线: 'phone' }, category: { 物业纠纷: '物业管理' } },
};

const MIXED = [
  '工单编号,来源,分类,承办单位,电话,内容,登记时间,答复时间,办结时间,状态,回访',
  '2503010007,热线,物业纠纷,A旗住建局,13904790001,楼道垃圾无人清理,2025-03-01 09:00,2025-03-02 10:00,2025-03-03 10:00,已办结,满意', // 2 good
  'OLD-2,热线,C11,房管局,13904790002,物业费争议,2025-03-01 10:00,,2025-03-03 10:00,已办结,', // 3 unit unknown
  'OLD-3,网站,物业管理,,,咨询政策,2025/3/2 8:30,,2025/3/2 8:35,直办,基本满意', // 4 good (direct)
  'OLD-4,热线,物业管理,A旗住建局,13904790004,停车位纠纷,2025-02-30 09:00,,2025-03-03 10:00,已办结,', // 5 bad date
  'OLD-5,热线,物业管理,A旗住建局,13904790005,电梯故障,2025-03-05 09:00,2025-03-04 09:00,2025-03-06 10:00,已办结,', // 6 reply before intake
  'OLD-6,热线,物业管理,A旗住建局,13904790006,,2025-03-05 09:00,,2025-03-06 10:00,已办结,', // 7 no content
  'OLD-3,热线,物业管理,,,重复编号,2025-03-05 09:00,,2025-03-05 09:10,直办,', // 8 duplicate number
  'OLD-8,信函,物业管理,,abc,来信,2025-03-05 09:00,,2025-03-05 09:10,无效,', // 9 channel unknown + bad phone
  'OLD-9,热线,物业管理,,,办结没有单位,2025-03-05 09:00,,2025-03-06 09:10,已办结,', // 10 closed without unit
  'OLD-10,热线,物业管理,A旗住建局,,未来的工单,2025-03-05 09:00,,2027-01-01 09:10,已办结,', // 11 future
  'OLD-11,热线,物业管理,,,无效件,2025-03-05 09:00,,,无效,', // 12 good (invalid, closes at intake)
].join('\n');

describe('dry run over a file with good and bad rows', () => {
  it('names every bad row with its field and reason, and writes nothing', async () => {
    const before = await count('orders');
    const report = await importOrders(w.deps, admin(), {
      fileName: 'mixed.csv',
      bytes: enc(MIXED),
      mapping: MAPPING,
      dryRun: true,
    });
    expect(report.problems.map((p) => [p.row, p.field, p.reason])).toEqual([
      [3, 'unit', 'unknown_value'],
      [5, 'createdAt', 'bad_date'],
      [6, 'repliedAt', 'date_order'],
      [7, 'content', 'required'],
      [8, 'originalNo', 'duplicate_in_file'],
      [9, 'channel', 'unknown_value'],
      [9, 'callerPhone', 'bad_phone'],
      [10, 'unit', 'unit_required'],
      [11, 'closedAt', 'future_date'],
    ]);
    expect(report).toMatchObject({ totalRows: 11, goodRows: 3, badRows: 8, imported: 0, runId: null });
    expect(report.problems.find((p) => p.row === 3)?.value).toBe('房管局');
    expect(await count('orders')).toBe(before);
  });

  it('refuses a real run while a row is bad, and reads the same rows from an xlsx workbook', async () => {
    const real = await importOrders(w.deps, admin(), {
      fileName: 'mixed.csv',
      bytes: enc(MIXED),
      mapping: MAPPING,
      dryRun: false,
    });
    expect([real.badRows, real.imported, real.runId]).toEqual([8, 0, null]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    for (const line of MIXED.split('\n')) ws.addRow(line.split(','));
    ws.getCell('G2').value = new Date(Date.UTC(2025, 2, 1, 9, 0)); // a date cell: the sheet's wall clock
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const preview = await previewImportFile(admin(), { fileName: 'mixed.xlsx', bytes });
    expect(preview.columns).toContain('承办单位');
    expect(preview.rows[0]![0]).toBe('2503010007');
    expect(preview.totalRows).toBe(11);
    const x = await importOrders(w.deps, admin(), { fileName: 'mixed.xlsx', bytes, mapping: MAPPING, dryRun: true });
    expect(x.problems.map((p) => p.row)).toEqual([3, 5, 6, 7, 8, 9, 9, 10, 11]);
  });

  it('imports the good rows once mended: original numbers and times, no clocks, no outbox, counters raised', async () => {
    const good = MIXED.split('\n')
      .filter((_, i) => [0, 1, 3, 11].includes(i))
      .join('\n');
    const outbox = await count('outbox');
    const deadlines = await count('order_deadlines');
    const r = await importOrders(w.deps, admin(), { fileName: 'good.csv', bytes: enc(good), mapping: MAPPING, dryRun: false });
    expect([r.badRows, r.imported, r.skipped]).toEqual([0, 3, 0]);
    expect(await count('outbox')).toBe(outbox);
    expect(await count('order_deadlines')).toBe(deadlines);
    const o = await db().selectFrom('orders').selectAll().where('order_no', '=', '2503010007').executeTakeFirstOrThrow();
    expect(o).toMatchObject({
      state: 'closed',
      channel: 'phone',
      lead_unit_id: w.units.deptA1.id,
      satisfaction: 'satisfied',
      import_run_id: r.runId,
    });
    expect(o.accepted_at.toISOString()).toBe('2025-03-01T01:00:00.000Z');
    expect(o.closed_at?.toISOString()).toBe('2025-03-03T02:00:00.000Z');
    const events = await db()
      .selectFrom('order_events')
      .select(['action', 'actor_label'])
      .where('order_id', '=', o.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['accept', 'dispatch', 'reply', 'review_accept', 'visit_close']);
    expect(new Set(events.map((e) => e.actor_label))).toEqual(new Set(['import']));
    const invalid = await db().selectFrom('orders').selectAll().where('order_no', '=', 'OLD-11').executeTakeFirstOrThrow();
    expect([invalid.state, invalid.closed_at?.toISOString()]).toEqual(['invalid', '2025-03-05T01:00:00.000Z']);
    // 2503010007 is written like lianxin's own numbers: that day's next number comes after it.
    w.clock.set('2025-03-01T03:00:00Z');
    expect((await newOrder(w)).order_no).toBe('2503010008');
    w.clock.set('2025-06-16T02:00:00Z');
  });

  it('refuses people other than the administrator', async () => {
    await expect(
      importOrders(w.deps, w.actors.dispatcher, { fileName: 'a.csv', bytes: enc(MIXED), mapping: MAPPING, dryRun: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a real run of 10,000 generated rows', () => {
  const units = ['A旗住建局', 'B旗住建局', '热力公司', 'A旗住建局物业科'];
  const rows = generateRows(10_000, { prefix: 'HIS', units });
  const bytes = enc(rowsToCsv(rows, 'A旗'));

  it(
    'imports every row, and the KPIs of March and April match a hand computation on the rows',
    { timeout: 1_200_000 },
    async () => {
      const report = await importOrders(w.deps, admin(), {
        fileName: 'history.csv',
        bytes,
        mapping: GENERATED_MAPPING,
        dryRun: false,
      });
      expect([report.badRows, report.imported, report.skipped]).toEqual([0, 10_000, 0]);
      for (const [month, from, to] of [
        ['2025-03', '2025-03-01', '2025-03-31'],
        ['2025-04', '2025-04-01', '2025-04-30'],
      ] as const) {
        const k = await computeKpis(w.deps, { centreId: w.centreId, from, to, groupBy: 'centre' });
        const hand = handCounters(rows, month);
        // The mixed file above added three March orders (one closed by A旗住建局 signed never, one direct, one invalid).
        const extra =
          month === '2025-03'
            ? {
                accepted: 4,
                direct: 1,
                transferred: 1,
                dispatches: 1,
                replies: 1,
                closed: 2,
                invalid: 1,
                signed_on_time: 0,
                visits_valid: 2,
                visits_satisfied: 1,
                visits_basic: 1,
                visits_resolved: 0,
              }
            : {};
        const c = k.total.counters;
        for (const [counter, value] of Object.entries(hand)) {
          if (counter === 'handling_seconds') continue;
          expect([month, counter, c[counter as keyof typeof c]]).toEqual([
            month,
            counter,
            value + ((extra as Record<string, number>)[counter] ?? 0),
          ]);
        }
        if (month === '2025-04') expect(c.handling_seconds).toBe(hand.handling_seconds);
      }
    },
  );

  it('is idempotent: the same file again writes nothing', { timeout: 600_000 }, async () => {
    const orders = await count('orders');
    const events = await count('order_events');
    const again = await importOrders(w.deps, admin(), {
      fileName: 'history.csv',
      bytes,
      mapping: GENERATED_MAPPING,
      dryRun: false,
    });
    expect([again.imported, again.skipped]).toEqual([0, 10_000]);
    expect([await count('orders'), await count('order_events')]).toEqual([orders, events]);
  });

  it('resumes a broken run after its last committed batch', { timeout: 300_000 }, async () => {
    const more = generateRows(500, { prefix: 'RES', units, seed: 5 });
    const file = enc(rowsToCsv(more, 'A旗'));
    const first = await importOrders(w.deps, admin(), {
      fileName: 'more.csv',
      bytes: file,
      mapping: GENERATED_MAPPING,
      dryRun: false,
      batchSize: 200,
      maxBatches: 1,
    });
    expect(first.imported).toBe(200);
    const run = await db().selectFrom('import_runs').selectAll().where('id', '=', first.runId!).executeTakeFirstOrThrow();
    expect([run.rows_done, run.state]).toEqual([201, 'running']); // header = row 1
    const second = await importOrders(w.deps, admin(), {
      fileName: 'more.csv',
      bytes: file,
      mapping: GENERATED_MAPPING,
      dryRun: false,
      batchSize: 200,
    });
    expect([second.runId, second.resumedFromRow, second.imported, second.skipped]).toEqual([first.runId, 201, 300, 0]);
    const done = await db().selectFrom('import_runs').selectAll().where('id', '=', first.runId!).executeTakeFirstOrThrow();
    expect([done.state, done.imported, done.rows_done]).toEqual(['done', 500, 501]);
    const n = await db()
      .selectFrom('orders')
      .select(sql<string>`count(*)`.as('n'))
      .where('order_no', 'like', 'RES%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(500);
  });

  it('keeps the order-event hash chain valid (imported events are chained)', async () => {
    const key = loadAuditKey(path.join(keyDir, 'audit-signing.pem'));
    const report = await verifyAuditTrail(db(), key, { now: w.clock.now() });
    const timeline = report.chains.find((c) => c.stream === 'timeline' && c.centreId === w.centreId)!;
    expect(timeline.broken).toBeNull();
    expect(report.ok).toBe(true);
    expect(timeline.rows).toBeGreaterThan(45_000);
  });
});
