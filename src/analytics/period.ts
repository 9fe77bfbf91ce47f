import { invalidField } from '../shared/errors.js';

/**
 * Periods of the analytics pages. Centres run on China Standard Time (UTC+8, no daylight saving),
 * so a day or a month starts at 00:00 +08:00.
 */
const CENTRE_OFFSET = '+08:00';

/** 'YYYY-MM-DD' → centre-local midnight; a full ISO time is taken as is. */
export function parsePeriodBound(value: string, field: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00${CENTRE_OFFSET}` : value);
  if (Number.isNaN(d.getTime())) throw invalidField(field);
  return d;
}

export interface Period {
  from: Date;
  to: Date;
}

/** [from, to) checked: from before to, at most `maxDays` long. */
export function checkedPeriod(fromRaw: string, toRaw: string, maxDays = 366): Period {
  const from = parsePeriodBound(fromRaw, 'from');
  const to = parsePeriodBound(toRaw, 'to');
  if (to <= from) throw invalidField('to', 'to ≤ from');
  if (to.getTime() - from.getTime() > maxDays * 86_400_000) throw invalidField('to', `> ${maxDays} days`);
  return { from, to };
}

/** The period of the same length just before. */
export const previousPeriod = (p: Period): Period => ({
  from: new Date(p.from.getTime() - (p.to.getTime() - p.from.getTime())),
  to: p.from,
});

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** '2025-10' → [2025-10-01 00:00 +08:00, 2025-11-01 00:00 +08:00). */
export function monthPeriod(month: string, field = 'month'): Period {
  const m = MONTH.exec(month);
  if (!m) throw invalidField(field);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { from: parsePeriodBound(`${month}-01`, field), to: parsePeriodBound(`${next}-01`, field) };
}

export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

/** The month before '2025-01' is '2024-12'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
