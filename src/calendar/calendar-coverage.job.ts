import type { Deps } from '../shared/deps.js';
import type { PeriodicJob } from '../worker/periodic-job.js';
import { notify } from '../notifications/notify.js';
import { listCentres } from '../org/unit.repository.js';
import { listCalendarOverrides } from './calendar.repository.js';
import { isYearCovered } from './statutory-days.js';
import { centreTimeZone, localParts } from '../shared/time-zone.js';

/** From this month on, next year's notice is expected (the State Council publishes it in Oct–Dec). */
export const NEXT_YEAR_CHECK_FROM_MONTH = 11;
/**
 * A centre "has entered" a year's notice when it holds at least this many overrides in that year: a
 * notice has dozens of days off and several 调休 working days, a local holiday only one or two.
 */
export const ENTERED_NOTICE_MIN_DAYS = 5;

/** Years whose holiday notice the centre needs now: this year, and next year from November. */
export function yearsNeeded(localDate: string): number[] {
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7));
  return month >= NEXT_YEAR_CHECK_FROM_MONTH ? [year, year + 1] : [year];
}

/**
 * Without the notice, deadlines of that year count weekends only and are wrong around every holiday.
 * Each centre's admins get one in-app notice per missing year and month (deduplicated) until the
 * bundled calendar covers the year or the centre has entered it as overrides.
 */
export async function runCalendarCoverageCheck(deps: Deps): Promise<{ centre: string; year: number }[]> {
  const missing: { centre: string; year: number }[] = [];
  const now = deps.clock.now();
  for (const centre of await listCentres(deps.db)) {
    const today = localParts(now, centreTimeZone(centre.timezone)).date;
    const overrides = await listCalendarOverrides(deps.db, centre.id);
    for (const year of yearsNeeded(today)) {
      if (isYearCovered(year)) continue;
      const entered = overrides.filter((o) => o.day.startsWith(`${year}-`)).length;
      if (entered >= ENTERED_NOTICE_MIN_DAYS) continue;
      missing.push({ centre: centre.code, year });
      await notify(
        deps.db,
        {
          kind: 'calendar.notCovered',
          centreId: centre.id,
          orderId: null,
          textKey: 'calendar.notCovered',
          vars: { year },
          audience: { centreRoles: ['admin'] },
          sourceKey: `calendar.notCovered:${centre.id}:${year}:${today.slice(0, 7)}`,
          data: { year },
        },
        now,
      );
    }
  }
  return missing;
}

/** Registered in src/worker/periodic-jobs.ts: checked every six hours (notices are deduplicated). */
export const calendarCoverageJob: PeriodicJob = {
  name: 'calendar-coverage',
  everyMs: 6 * 60 * 60 * 1000,
  async run(deps) {
    const missing = await runCalendarCoverageCheck(deps);
    if (missing.length > 0) return `calendar notice missing: ${missing.map((m) => `${m.centre} ${m.year}`).join(', ')}`;
  },
};
