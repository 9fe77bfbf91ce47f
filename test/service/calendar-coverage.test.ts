import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/shared/errors.js';
import { coveredYears } from '../../src/calendar/statutory-days.js';
import { runCalendarCoverageCheck, yearsNeeded } from '../../src/calendar/calendar-coverage.job.js';
import { importOverrides, parseOverrideLines } from '../../src/calendar/calendar-import.service.js';
import { loadCentreCalendar } from '../../src/calendar/calendar.service.js';
import { useWorld } from '../helpers/use-world.js';

// The first year the bundled State Council data does not know (2027 with chinese-days 1.5.x).
const uncovered = Math.max(...coveredYears()) + 1;
// 20 November of the last covered year, 10:00 in Shanghai.
const { database, w } = useWorld(`${uncovered - 1}-11-20T02:00:00Z`);

const code = async () =>
  (await database.db.selectFrom('centres').select('code').where('id', '=', w.centreId).executeTakeFirstOrThrow()).code;
const noticeKeys = async () =>
  (await database.db.selectFrom('outbox').select('dedupe_key').where('topic', '=', 'notify').execute())
    .map((r) => r.dedupe_key ?? '')
    .filter((k) => k.startsWith(`notify:calendar.notCovered:${w.centreId}:`));

describe('calendar coverage: the next year’s holiday notice', () => {
  it('needs next year from November only', () => {
    expect(yearsNeeded('2026-10-31')).toEqual([2026]);
    expect(yearsNeeded('2026-11-01')).toEqual([2026, 2027]);
    expect(yearsNeeded('2026-12-31')).toEqual([2026, 2027]);
  });

  it('tells the admins once a month until the notice is entered', async () => {
    const myCode = await code();
    const first = (await runCalendarCoverageCheck(w.deps)).filter((m) => m.centre === myCode);
    expect(first).toEqual([{ centre: myCode, year: uncovered }]);
    await runCalendarCoverageCheck(w.deps);
    expect(await noticeKeys()).toEqual([`notify:calendar.notCovered:${w.centreId}:${uncovered}:${uncovered - 1}-11`]);
    w.clock.set(`${uncovered - 1}-12-02T02:00:00Z`);
    await runCalendarCoverageCheck(w.deps);
    expect((await noticeKeys()).sort()).toEqual([
      `notify:calendar.notCovered:${w.centreId}:${uncovered}:${uncovered - 1}-11`,
      `notify:calendar.notCovered:${w.centreId}:${uncovered}:${uncovered - 1}-12`,
    ]);
  });

  it('imports a notice as overrides in one go, and then the year counts as entered', async () => {
    const myCode = await code();
    const notice = [
      '日期,类型,名称',
      `${uncovered}-01-01,休,元旦`,
      `${uncovered}-02-05,休,春节`,
      `${uncovered}-02-06,休,春节`,
      `${uncovered}-02-07,休,春节`,
      `${uncovered}-02-08,休,春节`,
      `${uncovered}-02-13,班,春节调休上班`,
    ].join('\n');
    const parsed = parseOverrideLines(notice);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toHaveLength(6);
    expect(await importOverrides(w.deps, w.actors.admin, parsed.lines)).toEqual({ written: 6, removed: 0 });
    const cal = await loadCentreCalendar(w.deps.db, w.centreId);
    expect(cal.day(`${uncovered}-02-06`)).toMatchObject({ working: false, reason: 'centre_holiday', name: '春节' });
    expect(cal.day(`${uncovered}-02-13`)).toMatchObject({ working: true, reason: 'centre_workday' });
    expect((await runCalendarCoverageCheck(w.deps)).filter((m) => m.centre === myCode)).toEqual([]);
  });

  it('replaces the earlier overrides of the same year when asked, leaving other years alone', async () => {
    const keep = parseOverrideLines(`${uncovered + 1}-05-04,休,本地节日`).lines;
    await importOverrides(w.deps, w.actors.admin, keep);
    const corrected = parseOverrideLines(`${uncovered}-02-09,休,春节\n${uncovered}-02-14,班,春节调休上班`).lines;
    const r = await importOverrides(w.deps, w.actors.admin, corrected, { replace: true });
    expect(r).toEqual({ written: 2, removed: 6 });
    const cal = await loadCentreCalendar(w.deps.db, w.centreId);
    expect(cal.day(`${uncovered}-02-13`).reason).not.toBe('centre_workday');
    expect(cal.day(`${uncovered}-02-09`)).toMatchObject({ working: false, reason: 'centre_holiday' });
    expect(cal.day(`${uncovered + 1}-05-04`)).toMatchObject({ working: false, name: '本地节日' });
  });

  it('refuses a notice with any bad line and names each line; only admins import', async () => {
    const { lines, problems } = parseOverrideLines(
      ['2027-13-01,休,坏日期', '2027-10-01,放假,国庆', '2027-10-02,休,', '2027-10-03,休,国庆', '2027-10-03,休,国庆'].join('\n'),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 5]);
    expect(problems[3]!.problem.en).toBe('line 5: same date as line 4');
    expect(problems[1]!.problem.zh).toContain('“休”或“班”');
    expect(lines).toHaveLength(1);
    const refused = await importOverrides(w.deps, w.actors.supervisor, lines).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
    const empty = await importOverrides(w.deps, w.actors.admin, []).catch((e: unknown) => e);
    expect((empty as DomainError).code).toBe('VALIDATION');
  });
});
