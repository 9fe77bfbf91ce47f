import { isYearCovered, statutoryDay } from './statutory-days.js';
import { addDays, instantAt, localParts, weekdayOf } from '../shared/time-zone.js';
import type { DayInfo } from '../contract/timelimits.js';

/** A working period of a day in minutes since local midnight, e.g. 08:30–12:00 = {510, 720}. */
export interface WorkPeriod {
  start: number;
  end: number;
}

export interface CalendarOverride {
  date: string;
  working: boolean;
  name: string;
}

export type { DayInfo, DayReason } from '../contract/timelimits.js';

export const DEFAULT_WORK_PERIODS: readonly WorkPeriod[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 14 * 60 + 30, end: 18 * 60 },
];

export interface CalendarSettings {
  timezone: string;
  periods: readonly WorkPeriod[];
  overrides: readonly CalendarOverride[];
}

// No realistic limit needs more than ten years of walking; the bound stops an all-holiday config.
const MAX_DAYS_WALKED = 3660;

/**
 * THE calendar arithmetic of lianxin: which days are working days (PRC statutory holidays, 调休
 * make-up days, centre overrides) and how durations run over working hours. Pure; built per centre.
 */
export class WorkingCalendar {
  readonly timezone: string;
  readonly periods: readonly WorkPeriod[];
  private readonly overrides: Map<string, CalendarOverride>;

  constructor(settings: CalendarSettings) {
    this.timezone = settings.timezone;
    this.periods = [...settings.periods].sort((a, b) => a.start - b.start);
    this.overrides = new Map(settings.overrides.map((o) => [o.date, o]));
  }

  day(date: string): DayInfo {
    const covered = isYearCovered(Number(date.slice(0, 4)));
    const override = this.overrides.get(date);
    if (override) {
      const reason = override.working ? 'centre_workday' : 'centre_holiday';
      return { date, working: override.working, reason, name: override.name, covered };
    }
    const statutory = statutoryDay(date);
    if (statutory?.kind === 'holiday')
      return { date, working: false, reason: 'statutory_holiday', name: statutory.nameZh, covered };
    if (statutory?.kind === 'makeup_workday')
      return { date, working: true, reason: 'makeup_workday', name: statutory.nameZh, covered };
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) return { date, working: false, reason: 'weekend', name: null, covered };
    return { date, working: true, reason: 'workday', name: null, covered };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  localDate(instant: Date): string {
    return localParts(instant, this.timezone).date;
  }

  /** Working minutes from `start`, counted only inside working periods of working days. */
  addWorkingMinutes(start: Date, minutes: number): Date {
    const from = localParts(start, this.timezone);
    let remaining = minutes;
    let date = from.date;
    let cursor = from.minute;
    for (let i = 0; i < MAX_DAYS_WALKED; i++) {
      if (this.isWorkingDay(date)) {
        for (const p of this.periods) {
          const begin = Math.max(p.start, cursor);
          if (begin >= p.end) continue;
          if (remaining <= p.end - begin) return instantAt(date, begin + remaining, this.timezone);
          remaining -= p.end - begin;
        }
      }
      date = addDays(date, 1);
      cursor = 0;
    }
    throw new Error('calendar: no working time found within ten years');
  }

  /** Working minutes between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    const a = localParts(from, this.timezone);
    const b = localParts(to, this.timezone);
    let total = 0;
    let date = a.date;
    for (let i = 0; i < MAX_DAYS_WALKED; i++) {
      if (this.isWorkingDay(date)) {
        const lo = date === a.date ? a.minute : 0;
        const hi = date === b.date ? b.minute : 1440;
        for (const p of this.periods) total += Math.max(0, Math.min(p.end, hi) - Math.max(p.start, lo));
      }
      if (date === b.date) return total;
      date = addDays(date, 1);
    }
    return total;
  }

  /**
   * "Within N working days": the end of working hours of the Nth working day after the day the
   * stage starts (the start day does not count). N = 0 (即办) is the end of the current working day,
   * or of the next one when the stage starts after hours or on a day off.
   */
  endOfWorkingDays(start: Date, n: number): Date {
    const from = localParts(start, this.timezone);
    const closing = this.periods[this.periods.length - 1]?.end ?? 1440;
    let date = from.date;
    if (n === 0 && this.isWorkingDay(date) && from.minute < closing) return instantAt(date, closing, this.timezone);
    let counted = 0;
    for (let i = 0; i < MAX_DAYS_WALKED; i++) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
      if (counted >= Math.max(1, n)) return instantAt(date, closing, this.timezone);
    }
    throw new Error('calendar: no working day found within ten years');
  }

  /** The days of one month ('YYYY-MM'), for `lianxin calendar show` and the admin screen. */
  month(month: string): DayInfo[] {
    const out: DayInfo[] = [];
    for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) out.push(this.day(date));
    return out;
  }
}

/** Parses "08:30-12:00,14:30-18:00"; returns null when malformed, overlapping or out of order. */
export function parseWorkPeriods(text: string): WorkPeriod[] | null {
  const periods: WorkPeriod[] = [];
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || end > 1440 || start >= end) return null;
    if (periods.length > 0 && start < periods[periods.length - 1].end) return null;
    periods.push({ start, end });
  }
  return periods.length > 0 ? periods : null;
}

export function formatWorkPeriods(periods: readonly WorkPeriod[]): string {
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return periods.map((p) => `${hm(p.start)}-${hm(p.end)}`).join(',');
}
