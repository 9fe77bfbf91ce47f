/**
 * Wall-clock arithmetic in a named IANA time zone without a date library: Intl tells the offset of
 * an instant; a local date + minute of day is turned into an instant by correcting a UTC guess.
 * Works the same whatever TZ the process runs in (tests run with TZ=UTC, centres use Asia/Shanghai).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A centre's zone as stored, or the hotline default when it is missing or not a known IANA zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export function centreTimeZone(stored: string | null | undefined): string {
  return stored && isValidTimeZone(stored) ? stored : DEFAULT_TIME_ZONE;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight (with seconds as a fraction). */
  minute: number;
}

function partsOf(instant: Date, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of the zone from UTC at this instant, in milliseconds (Shanghai: +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = partsOf(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const p = partsOf(instant, timeZone);
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const ms = instant.getTime() % 1000;
  return { date, minute: p.hour * 60 + p.minute + (p.second + (ms < 0 ? ms + 1000 : ms) / 1000) / 60 };
}

/** The instant at which the zone's clock shows `date` + `minuteOfDay` (1440 = next midnight). */
export function instantAt(date: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d) + Math.round(minuteOfDay * 60_000);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  const second = guess - zoneOffsetMs(new Date(first), timeZone);
  return new Date(second);
}

/** Calendar date arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function formatLocal(instant: Date, timeZone: string): string {
  const { date, minute } = localParts(instant, timeZone);
  const whole = Math.floor(minute + 1e-9);
  return `${date} ${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
