import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_PERIODS, parseWorkPeriods, WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { formatLocal, instantAt, localParts } from '../../src/shared/time-zone.js';
import { coveredYears } from '../../src/calendar/statutory-days.js';
import { addClockMs, dueAfter, remainingMs } from '../../src/timelimits/deadline-math.js';

const SH = 'Asia/Shanghai';
const cal = new WorkingCalendar({ timezone: SH, periods: DEFAULT_WORK_PERIODS, overrides: [] });
/** An instant given as Shanghai wall time, whatever TZ the test process runs in. */
const at = (local: string) => instantAt(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), SH);
const sh = (d: Date) => formatLocal(d, SH);
const wd = (start: string, n: number, c = cal) => sh(c.endOfWorkingDays(at(start), n));
const wh = (start: string, hours: number, c = cal) => sh(c.addWorkingMinutes(at(start), hours * 60));

describe('the PRC calendar: statutory holidays and 调休 make-up days', () => {
  it('runs in UTC (as the suite must) and still computes in Shanghai time', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(at('2025-10-01 00:30').toISOString()).toBe('2025-09-30T16:30:00.000Z');
    expect(localParts(new Date('2025-09-30T16:30:00Z'), SH).date).toBe('2025-10-01');
  });

  it('classifies days: holiday, 调休 Saturday, weekend, ordinary workday', () => {
    expect(cal.day('2025-10-01')).toMatchObject({ working: false, reason: 'statutory_holiday', name: '国庆节' });
    expect(cal.day('2025-10-06')).toMatchObject({ working: false, reason: 'statutory_holiday', name: '中秋' });
    expect(cal.day('2025-10-11')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(cal.day('2025-09-28')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(cal.day('2025-10-12')).toMatchObject({ working: false, reason: 'weekend' });
    expect(cal.day('2025-10-09')).toMatchObject({ working: true, reason: 'workday' });
    expect(cal.month('2025-10').filter((d) => !d.working).length).toBe(13);
  });

  it('knows which years the State Council notices cover, and says so for the others', () => {
    const years = coveredYears();
    expect(years).toContain(2004);
    expect(years).toContain(2025);
    expect(cal.day('2025-03-03').covered).toBe(true);
    expect(cal.day('2031-03-03')).toMatchObject({ covered: false, working: true, reason: 'workday' });
  });

  it('National Day 2025 (Thursday before): 1, 2, 5 working days', () => {
    expect(wd('2025-09-25 10:00', 1)).toBe('2025-09-26 18:00');
    expect(wd('2025-09-25 10:00', 2)).toBe('2025-09-28 18:00'); // Sunday 调休
    expect(wd('2025-09-25 10:00', 5)).toBe('2025-10-09 18:00');
    expect(wd('2025-09-30 10:00', 2)).toBe('2025-10-10 18:00');
    expect(wd('2025-09-30 10:00', 3)).toBe('2025-10-11 18:00'); // Saturday 调休
  });

  it('National Day 2024 and 2023', () => {
    expect(wd('2024-09-26 10:00', 1)).toBe('2024-09-27 18:00');
    expect(wd('2024-09-26 10:00', 2)).toBe('2024-09-29 18:00'); // Sunday 调休
    expect(wd('2024-09-30 10:00', 1)).toBe('2024-10-08 18:00');
    expect(wd('2024-10-08 10:00', 4)).toBe('2024-10-12 18:00'); // Saturday 调休
    expect(wd('2023-09-28 10:00', 1)).toBe('2023-10-07 18:00'); // Saturday 调休 right after the holiday
    expect(wd('2023-09-28 10:00', 3)).toBe('2023-10-09 18:00');
  });

  it('Spring Festival 2024, 2025 and 2026', () => {
    expect(wd('2024-02-09 10:00', 1)).toBe('2024-02-18 18:00'); // 除夕 is a workday; Sunday 18th 调休
    expect(wd('2024-02-09 10:00', 2)).toBe('2024-02-19 18:00');
    expect(wd('2025-01-24 10:00', 1)).toBe('2025-01-26 18:00'); // Sunday 26th 调休
    expect(wd('2025-01-24 10:00', 3)).toBe('2025-02-05 18:00');
    expect(wd('2025-01-24 10:00', 6)).toBe('2025-02-08 18:00'); // Saturday 8 Feb 调休
    expect(wd('2026-02-13 10:00', 1)).toBe('2026-02-14 18:00'); // Saturday 14th 调休
    expect(wd('2026-02-13 10:00', 2)).toBe('2026-02-24 18:00');
  });

  it('即办 (0 working days) ends today if still open, else the next working day', () => {
    expect(wd('2025-03-03 10:00', 0)).toBe('2025-03-03 18:00');
    expect(wd('2025-03-03 18:30', 0)).toBe('2025-03-04 18:00');
    expect(wd('2025-10-01 09:00', 0)).toBe('2025-10-09 18:00');
  });
});

describe('working hours', () => {
  it('skips lunch (12:00–14:30) and the night', () => {
    expect(wh('2025-03-03 11:30', 1)).toBe('2025-03-03 15:00');
    expect(wh('2025-03-03 12:30', 1)).toBe('2025-03-03 15:30'); // starts at lunch: counts from 14:30
    expect(wh('2025-03-03 17:30', 1)).toBe('2025-03-04 09:00');
    expect(wh('2025-03-03 20:00', 2)).toBe('2025-03-04 10:30');
    expect(wh('2025-03-03 11:00', 1)).toBe('2025-03-03 12:00'); // exactly to the end of the morning
  });

  it('runs over weekends, holidays and onto a 调休 Saturday', () => {
    expect(wh('2025-03-07 17:00', 2)).toBe('2025-03-10 09:30');
    expect(wh('2025-09-30 17:00', 2)).toBe('2025-10-09 09:30');
    expect(wh('2025-10-10 17:00', 2)).toBe('2025-10-11 09:30');
  });

  it('measures working minutes between instants', () => {
    expect(cal.workingMinutesBetween(at('2025-03-03 10:00'), at('2025-03-04 10:00'))).toBe(420);
    expect(cal.workingMinutesBetween(at('2025-03-03 12:00'), at('2025-03-03 14:30'))).toBe(0);
    expect(cal.workingMinutesBetween(at('2025-09-30 17:00'), at('2025-10-09 09:30'))).toBe(120);
    expect(cal.workingMinutesBetween(at('2025-03-04 10:00'), at('2025-03-03 10:00'))).toBe(0);
  });

  it('takes a centre’s own hours', () => {
    const summer = new WorkingCalendar({ timezone: SH, periods: parseWorkPeriods('08:00-12:00,15:00-18:30')!, overrides: [] });
    expect(wh('2025-06-03 11:30', 1, summer)).toBe('2025-06-03 15:30');
    expect(wd('2025-06-03 10:00', 1, summer)).toBe('2025-06-04 18:30');
  });

  it('validates working hours text', () => {
    expect(parseWorkPeriods('08:30-12:00,14:30-18:00')).toEqual([
      { start: 510, end: 720 },
      { start: 870, end: 1080 },
    ]);
    expect(parseWorkPeriods('12:00-08:00')).toBeNull();
    expect(parseWorkPeriods('08:00-12:00,11:00-13:00')).toBeNull();
    expect(parseWorkPeriods('8-12')).toBeNull();
    expect(parseWorkPeriods('08:70-12:00')).toBeNull();
  });
});

describe('centre overrides', () => {
  const local = new WorkingCalendar({
    timezone: SH,
    periods: DEFAULT_WORK_PERIODS,
    overrides: [
      { date: '2025-03-03', working: false, name: '地方节日' },
      { date: '2025-03-08', working: true, name: '补班' },
      { date: '2025-10-08', working: true, name: '中心值班日' },
    ],
  });
  it('a local holiday is skipped and an extra working day counts', () => {
    expect(local.day('2025-03-03')).toMatchObject({ working: false, reason: 'centre_holiday', name: '地方节日' });
    expect(wd('2025-02-28 10:00', 1, local)).toBe('2025-03-04 18:00');
    expect(wd('2025-03-07 10:00', 1, local)).toBe('2025-03-08 18:00');
    expect(wd('2025-09-30 10:00', 1, local)).toBe('2025-10-08 18:00'); // overrides the statutory holiday
  });
});

describe('time zones', () => {
  it('the same instant is a different working moment in another centre’s zone', () => {
    const urumqi = new WorkingCalendar({ timezone: 'Asia/Urumqi', periods: DEFAULT_WORK_PERIODS, overrides: [] });
    const instant = new Date('2025-09-30T09:00:00Z'); // 17:00 Shanghai, 15:00 Urumqi
    expect(cal.endOfWorkingDays(instant, 0).toISOString()).toBe('2025-09-30T10:00:00.000Z');
    expect(urumqi.endOfWorkingDays(instant, 0).toISOString()).toBe('2025-09-30T12:00:00.000Z');
    // 30 Sep 17:00 UTC is already 1 Oct (a holiday) in Shanghai but still 30 Sep 23:00 in Urumqi.
    expect(cal.localDate(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
    expect(urumqi.localDate(new Date('2025-09-30T17:00:00Z'))).toBe('2025-09-30');
    expect(cal.localDate(new Date('2025-09-30T15:59:00Z'))).toBe('2025-09-30');
  });
});

describe('limits, pauses and extensions on the clock', () => {
  it('hour limits are wall-clock, working limits follow the calendar', () => {
    const start = at('2025-09-30 23:50');
    expect(sh(dueAfter(cal, start, 15, 'minutes'))).toBe('2025-10-01 00:05');
    expect(sh(dueAfter(cal, start, 24, 'hours'))).toBe('2025-10-01 23:50');
    expect(sh(dueAfter(cal, start, 2, 'working_hours'))).toBe('2025-10-09 10:30');
    expect(sh(dueAfter(cal, start, 1, 'working_days'))).toBe('2025-10-09 18:00');
  });

  it('a pause keeps the remaining working time and gives it back after a holiday', () => {
    const due = at('2025-09-30 18:00');
    const pausedAt = at('2025-09-30 16:00');
    const left = remainingMs(cal, 'working', pausedAt, due);
    expect(left).toBe(120 * 60_000);
    expect(sh(addClockMs(cal, 'working', at('2025-10-03 10:00'), left))).toBe('2025-10-09 10:30');
    // On the wall clock the remaining time is plain milliseconds.
    expect(sh(addClockMs(cal, 'wall', at('2025-10-03 10:00'), remainingMs(cal, 'wall', pausedAt, due)))).toBe('2025-10-03 12:00');
    expect(remainingMs(cal, 'working', at('2025-10-01 10:00'), due)).toBe(0);
  });
});
