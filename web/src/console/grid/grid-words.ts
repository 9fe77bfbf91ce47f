import type { GridMessageKey } from './grid.messages';

type T = (key: GridMessageKey, vars?: Record<string, string | number>) => string;

/** 35 米 / 1.2 公里. */
export function distanceWords(t: T, metres: number): string {
  return metres < 1000 ? t('metres', { n: Math.round(metres) }) : t('km', { n: (metres / 1000).toFixed(1) });
}

/** 1 小时 20 分 / 15 分钟, of a span in milliseconds (rounded up to the minute). */
export function spanWords(t: T, ms: number): string {
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / 60_000));
  const h = Math.floor(minutes / 60);
  return h > 0 ? t('time.hm', { h, m: minutes % 60 }) : t('time.m', { m: minutes });
}

/** The 2-hour clock of a pending task: time left, or how long overdue; red under 30 minutes. */
export function clockWords(t: T, dueAt: string, now: number): { text: string; colour: 'red' | 'orange' | 'green' } {
  const left = Date.parse(dueAt) - now;
  if (left <= 0) return { text: t('task.overdue', { time: spanWords(t, left) }), colour: 'red' };
  return { text: t('task.left', { time: spanWords(t, left) }), colour: left < 30 * 60_000 ? 'orange' : 'green' };
}
