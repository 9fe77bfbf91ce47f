import { createRequire } from 'node:module';

/**
 * PRC statutory holidays and 调休 make-up working days, from the maintained `chinese-days` package
 * (State Council notices, 2004 onward). Read from its JSON data rather than its date helpers so
 * no local-time parsing is involved.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface StatutoryDay {
  kind: 'holiday' | 'makeup_workday';
  nameZh: string;
  nameEn: string;
}

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

const days = new Map<string, StatutoryDay>();
const years = new Set<number>();
function load(source: Record<string, string>, kind: StatutoryDay['kind']) {
  for (const [date, label] of Object.entries(source)) {
    const [nameEn, nameZh] = label.split(',');
    days.set(date, { kind, nameZh: nameZh ?? nameEn, nameEn });
    years.add(Number(date.slice(0, 4)));
  }
}
load(data.holidays, 'holiday');
load(data.workdays, 'makeup_workday');

export function statutoryDay(date: string): StatutoryDay | undefined {
  return days.get(date);
}

/** Years for which the package has the State Council's notice (others fall back to weekends only). */
export function coveredYears(): number[] {
  return [...years].sort((a, b) => a - b);
}

export function isYearCovered(year: number): boolean {
  return years.has(year);
}
