import { text, type Text } from '../i18n/messages.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { deleteCalendarOverridesInYears, upsertCalendarOverride } from './calendar.repository.js';

/** One line of a holiday notice as a centre override: a day off or a working day, with its name. */
export interface OverrideLine {
  day: string;
  working: boolean;
  name: string;
}

export interface OverrideLineProblem {
  line: number;
  text: string;
  problem: Text;
}

const KIND = new Map<string, boolean>([
  ['班', true],
  ['上班', true],
  ['work', true],
  ['休', false],
  ['休息', false],
  ['off', false],
]);

const isDay = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const isSkipped = (line: string) => line === '' || line.startsWith('#') || /^(date|日期)\s*,/i.test(line);

/**
 * Parses a holiday notice typed as CSV lines `YYYY-MM-DD,休|班,名称` (a header line and `#` comments
 * are skipped). Used when the State Council publishes next year's notice before the bundled calendar
 * package knows it. Every problem is reported with its line number, so nothing is partly accepted.
 */
export function parseOverrideLines(source: string): { lines: OverrideLine[]; problems: OverrideLineProblem[] } {
  const lines: OverrideLine[] = [];
  const problems: OverrideLineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (isSkipped(trimmed)) return;
    const [day = '', kind = '', ...rest] = trimmed.split(',').map((c) => c.trim());
    const name = rest.join(',').trim();
    const working = KIND.get(kind.toLowerCase());
    const first = firstLineOf.get(day);
    const problem = !isDay(day)
      ? text('calendar.import.badDate', { line })
      : working === undefined
        ? text('calendar.import.badKind', { line })
        : name === ''
          ? text('calendar.import.noName', { line })
          : first !== undefined
            ? text('calendar.import.repeated', { line, first })
            : null;
    if (problem || working === undefined) {
      problems.push({ line, text: raw, problem: problem ?? text('calendar.import.badKind', { line }) });
      return;
    }
    firstLineOf.set(day, line);
    lines.push({ day, working, name });
  });
  return { lines, problems };
}

/**
 * Writes all the lines as the actor's centre overrides in one transaction (admin only). With
 * `replace`, the centre's earlier overrides in the years the lines cover are removed first, so a
 * corrected notice leaves no stale day behind (local days of those years must be in the file too).
 */
export async function importOverrides(
  deps: Deps,
  actor: Actor,
  lines: readonly OverrideLine[],
  options: { replace?: boolean } = {},
): Promise<{ written: number; removed: number }> {
  if (!hasAnyRole(actor, ['admin'])) throw forbidden();
  if (lines.length === 0) throw invalidField('lines', 'empty');
  const at = deps.clock.now();
  const years = [...new Set(lines.map((l) => Number(l.day.slice(0, 4))))];
  return deps.db.transaction().execute(async (tx) => {
    const removed = options.replace ? await deleteCalendarOverridesInYears(tx, actor.centreId, years) : 0;
    for (const l of lines) {
      await upsertCalendarOverride(tx, { centreId: actor.centreId, ...l, by: actor.userId, at });
    }
    return { written: lines.length, removed };
  });
}
