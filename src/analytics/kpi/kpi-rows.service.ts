import type { Executor } from '../../db/database.js';
import { addDays, contiguousRuns, daysBetween } from './kpi-days.js';
import { computeFactRows, type KpiRow } from './kpi-facts.repository.js';
import { listBuiltDays, listTouchedDays, readRollupRows, readRollupState, type RollupDim } from './kpi-rollup.repository.js';

export interface CounterRows {
  rows: Partial<KpiRow>[];
  /** Days answered from the rollups / recomputed from the raw events. */
  rollupDays: number;
  rawDays: number;
}

/**
 * Counter rows of [fromDay, toDay]: closed days that the rollups hold and that no event has touched
 * since the last refresh come from kpi_daily_rollups; today, days never built and days touched
 * after the watermark are recomputed from the raw events. Either way the figures are exact.
 */
export async function loadCounterRows(
  db: Executor,
  q: {
    centreId: string;
    timeZone: string;
    fromDay: string;
    toDay: string;
    today: string;
    keep: readonly RollupDim[];
    rawOnly?: boolean;
    /** Enterprise appeals only: the rollups do not keep that dimension, so every day is read raw. */
    enterpriseOnly?: boolean;
  },
): Promise<CounterRows> {
  const [state, built] = await Promise.all([
    readRollupState(db, q.centreId),
    listBuiltDays(db, q.centreId, q.fromDay, q.toDay).then((d) => new Set(d)),
  ]);
  const touched = new Set(await listTouchedDays(db, q.centreId, q.timeZone, state));
  const raw: string[] = [];
  const span = daysBetween(q.fromDay, q.toDay);
  for (let i = 0; i <= span; i++) {
    const day = addDays(q.fromDay, i);
    if (q.rawOnly || q.enterpriseOnly || day >= q.today || !built.has(day) || touched.has(day)) raw.push(day);
  }
  const rows: Partial<KpiRow>[] =
    raw.length === span + 1
      ? []
      : await readRollupRows(db, { centreId: q.centreId, fromDay: q.fromDay, toDay: q.toDay, skipDays: raw, keep: q.keep });
  for (const [fromDay, toDay] of contiguousRuns(raw)) {
    const range = { centreId: q.centreId, timeZone: q.timeZone, fromDay, toDay, enterpriseOnly: q.enterpriseOnly };
    rows.push(...(await computeFactRows(db, range)));
  }
  return { rows, rollupDays: span + 1 - raw.length, rawDays: raw.length };
}
