import type { Deps } from '../../shared/deps.js';
import { contiguousRuns, localDay } from './kpi-days.js';
import {
  hasBuiltDays,
  listCentreTimeZones,
  listTouchedDays,
  listUnbuiltDays,
  lockRollupState,
  readHighWater,
  rebuildRollupRange,
  saveRollupState,
} from './kpi-rollup.repository.js';

/**
 * Event ids (and call revisions) are taken from sequences before their transactions commit, so a
 * slow transaction can commit an id below the watermark after a refresh. Each refresh therefore
 * re-reads this many ids below the watermark; rebuilding a day twice is harmless.
 */
export const WATERMARK_OVERLAP = 2_000;

export interface RefreshResult {
  centres: number;
  /** Days rebuilt (touched and backfilled). */
  days: number;
  /** Of which never built before. */
  backfilled: number;
}

/**
 * Brings the daily KPI rollups up to date: rebuilds every day touched by events or calls since the
 * watermark, plus up to `maxBackfillDays` days never built (oldest first). Per centre in one
 * transaction that holds the centre's state row lock, so several workers never interleave; a
 * repeated run rebuilds the same days to the same rows (idempotent).
 */
export async function refreshKpiRollups(deps: Deps, opts: { maxBackfillDays?: number } = {}): Promise<RefreshResult> {
  const result: RefreshResult = { centres: 0, days: 0, backfilled: 0 };
  for (const centre of await listCentreTimeZones(deps.db)) {
    const days = await deps.db.transaction().execute(async (tx) => {
      const state = await lockRollupState(tx, centre.id);
      const high = await readHighWater(tx, centre.id);
      const now = deps.clock.now();
      const since = {
        last_event_id: Math.max(0, state.last_event_id - WATERMARK_OVERLAP),
        last_call_revision: Math.max(0, state.last_call_revision - WATERMARK_OVERLAP),
      };
      // Touched days matter only where rollups exist; never-built days come with the backfill.
      const anyBuilt = await hasBuiltDays(tx, centre.id);
      const touched = anyBuilt ? await listTouchedDays(tx, centre.id, centre.timezone, since) : [];
      const today = localDay(now, centre.timezone);
      const unbuilt = await listUnbuiltDays(tx, centre.id, centre.timezone, today, opts.maxBackfillDays ?? 62);
      const runs = contiguousRuns([...touched, ...unbuilt]);
      for (const [fromDay, toDay] of runs) {
        await rebuildRollupRange(tx, { centreId: centre.id, timeZone: centre.timezone, fromDay, toDay }, now);
      }
      await saveRollupState(tx, centre.id, high, now);
      return {
        days: runs.reduce((n, [a, b]) => n + 1 + Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000), 0),
        backfilled: unbuilt.length,
      };
    });
    result.centres++;
    result.days += days.days;
    result.backfilled += days.backfilled;
  }
  return result;
}
