import { addDays, instantAt, localParts } from '../shared/time-zone.js';

/**
 * When an SMS may go out: at once, or — inside the centre's quiet hours (from `start` to `end`,
 * minutes of the local day; may span midnight) and not urgent — at the end of the quiet hours.
 */
export function smsSendAt(now: Date, q: { start: number; end: number; timeZone: string; urgent: boolean }): Date {
  if (q.urgent || q.start === q.end) return now;
  const { date, minute } = localParts(now, q.timeZone);
  const spansMidnight = q.start > q.end;
  const quiet = spansMidnight ? minute >= q.start || minute < q.end : minute >= q.start && minute < q.end;
  if (!quiet) return now;
  const endDate = spansMidnight && minute >= q.start ? addDays(date, 1) : date;
  return instantAt(endDate, q.end, q.timeZone);
}
