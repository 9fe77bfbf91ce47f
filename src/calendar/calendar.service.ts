import type { Executor } from '../db/database.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import {
  deleteCalendarOverride,
  findCalendarSettings,
  findCentreTimezone,
  listCalendarOverrides,
  upsertCalendarOverride,
  upsertCalendarSettings,
} from './calendar.repository.js';
import { coveredYears } from './statutory-days.js';
import { centreTimeZone } from '../shared/time-zone.js';
import { DEFAULT_WORK_PERIODS, formatWorkPeriods, parseWorkPeriods, WorkingCalendar } from './working-calendar.js';
import type { CalendarMonthView, CalendarOverrideView } from '../contract/timelimits.js';

/** The working calendar of one centre: its time zone, working hours and own days on top of the PRC calendar. */
export async function loadCentreCalendar(db: Executor, centreId: string): Promise<WorkingCalendar> {
  const [timezone, settings, overrides] = await Promise.all([
    findCentreTimezone(db, centreId),
    findCalendarSettings(db, centreId),
    listCalendarOverrides(db, centreId),
  ]);
  const tz = centreTimeZone(timezone);
  return new WorkingCalendar({
    timezone: tz,
    periods: (settings && parseWorkPeriods(settings.work_periods)) || DEFAULT_WORK_PERIODS,
    overrides: overrides.map((o) => ({ date: o.day, working: o.working, name: o.name })),
  });
}

const requireAdmin = (actor: Actor) => {
  if (!hasAnyRole(actor, ['admin'])) throw forbidden();
};

export type { CalendarMonthView } from '../contract/timelimits.js';

export async function getCalendarMonth(deps: Deps, centreId: string, month: string): Promise<CalendarMonthView> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalidField('month', 'YYYY-MM');
  const cal = await loadCentreCalendar(deps.db, centreId);
  return {
    month,
    timezone: cal.timezone,
    workPeriods: formatWorkPeriods(cal.periods),
    coveredYears: coveredYears(),
    days: cal.month(month),
  };
}

export async function listOverrides(deps: Deps, actor: Actor): Promise<CalendarOverrideView<Date>[]> {
  return listCalendarOverrides(deps.db, actor.centreId);
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

export async function setOverride(deps: Deps, actor: Actor, input: { day: string; working: boolean; name: string }) {
  requireAdmin(actor);
  if (!isDate(input.day)) throw invalidField('day', 'YYYY-MM-DD');
  if (input.name.trim() === '') throw invalidField('name');
  await upsertCalendarOverride(deps.db, {
    centreId: actor.centreId,
    day: input.day,
    working: input.working,
    name: input.name.trim(),
    by: actor.userId,
    at: deps.clock.now(),
  });
  return (await loadCentreCalendar(deps.db, actor.centreId)).day(input.day);
}

export async function removeOverride(deps: Deps, actor: Actor, day: string) {
  requireAdmin(actor);
  if (!isDate(day)) throw invalidField('day', 'YYYY-MM-DD');
  const removed = await deleteCalendarOverride(deps.db, actor.centreId, day);
  return { removed, day: (await loadCentreCalendar(deps.db, actor.centreId)).day(day) };
}

export async function setWorkPeriods(deps: Deps, actor: Actor, workPeriods: string) {
  requireAdmin(actor);
  const periods = parseWorkPeriods(workPeriods);
  if (!periods) throw invalidField('workPeriods', 'HH:MM-HH:MM,…');
  await upsertCalendarSettings(deps.db, {
    centreId: actor.centreId,
    workPeriods: formatWorkPeriods(periods),
    by: actor.userId,
    at: deps.clock.now(),
  });
  return { workPeriods: formatWorkPeriods(periods) };
}
