import type { LimitUnit } from './vocabulary.js';

type Lang = 'zh' | 'en';

const ZH: Record<LimitUnit, string> = { minutes: '分钟', hours: '小时', working_hours: '个工作小时', working_days: '个工作日' };
const EN: Record<LimitUnit, [one: string, many: string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  working_hours: ['working hour', 'working hours'],
  working_days: ['working day', 'working days'],
};

/**
 * A time limit as people say it: "2 个工作日" / "1 hour" / "2 hours"; zero working days is 即办 (the
 * same working day), which is how the 办不成事 rules word it. Shared by the server's texts and the web.
 */
export function limitInWords(amount: number, unit: LimitUnit, lang: Lang): string {
  if (amount === 0 && unit === 'working_days') return lang === 'zh' ? '即办（当日）' : 'at once (same working day)';
  if (lang === 'zh') return `${amount} ${ZH[unit]}`;
  const [one, many] = EN[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}
