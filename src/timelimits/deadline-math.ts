import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { LimitUnit } from './timelimits.table.js';

export type ClockKind = 'wall' | 'working';

/** Minutes and hours run around the clock; working hours and days run on the centre's calendar. */
export const clockOf = (unit: LimitUnit): ClockKind => (unit === 'minutes' || unit === 'hours' ? 'wall' : 'working');

/** The instant a limit of `amount` `unit` started at `start` runs out. */
export function dueAfter(cal: WorkingCalendar, start: Date, amount: number, unit: LimitUnit): Date {
  switch (unit) {
    case 'minutes':
      return new Date(start.getTime() + amount * 60_000);
    case 'hours':
      return new Date(start.getTime() + amount * 3_600_000);
    case 'working_hours':
      return cal.addWorkingMinutes(start, amount * 60);
    case 'working_days':
      return cal.endOfWorkingDays(start, amount);
  }
}

/** Time left on a clock between `at` and `due`, in milliseconds of that clock (0 when overdue). */
export function remainingMs(cal: WorkingCalendar, clock: ClockKind, at: Date, due: Date): number {
  if (clock === 'wall') return Math.max(0, due.getTime() - at.getTime());
  return Math.round(cal.workingMinutesBetween(at, due) * 60_000);
}

/** `ms` of a clock after `start`: the new due instant when a paused clock resumes. */
export function addClockMs(cal: WorkingCalendar, clock: ClockKind, start: Date, ms: number): Date {
  if (clock === 'wall') return new Date(start.getTime() + ms);
  return cal.addWorkingMinutes(start, ms / 60_000);
}

/** The instant at which `share` of the time between `start` and `due` is used, on that clock. */
export function shareAt(cal: WorkingCalendar, clock: ClockKind, start: Date, due: Date, share: number): Date {
  const budget = remainingMs(cal, clock, start, due);
  return addClockMs(cal, clock, start, Math.floor(budget * share));
}
