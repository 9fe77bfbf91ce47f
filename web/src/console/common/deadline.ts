import type { Order } from '../api/types';

export interface CurrentDeadline {
  dueAt: Date;
  warnAt: Date | null;
  stage: string | null;
  level: 'none' | 'yellow' | 'red' | null;
  paused: boolean;
}

const asLevel = (v: unknown): CurrentDeadline['level'] =>
  v === 'yellow' || v === 'red' ? v : v === 'none' || v === 'green' ? 'none' : null;

const asDate = (v: unknown): Date | null => {
  if (typeof v !== 'string' && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * Reads the current deadline from whichever shape the time-limits capability presents: flat fields
 * (`deadlineDueAt`/`dueAt`, `deadlineWarnAt`, `deadlineStage`, `warningLevel`) or a `timeLimit` object.
 * Returns null when absent, so countdowns appear as soon as the API carries them and nothing before.
 */
export function readDeadline(order: Order): CurrentDeadline | null {
  const o = order as unknown as Record<string, unknown>;
  const nested = (o.timeLimit ?? o.deadline ?? o.currentDeadline) as Record<string, unknown> | null | undefined;
  const src: Record<string, unknown> = nested && typeof nested === 'object' ? nested : o;
  const dueAt = asDate(src.deadlineDueAt ?? src.dueAt ?? src.due_at);
  if (!dueAt) return null;
  const stage = src.deadlineStage ?? src.stage;
  return {
    dueAt,
    warnAt: asDate(src.deadlineWarnAt ?? src.warnAt ?? src.warn_at),
    stage: typeof stage === 'string' ? stage : null,
    level: asLevel(src.warningLevel ?? src.level ?? o.warningLevel),
    paused: (src.paused ?? src.clockPaused ?? o.clockPaused) === true,
  };
}

/** Level from the API when given, else from the instants: red past due, yellow past the warning time. */
export function levelAt(d: CurrentDeadline, now: number): 'none' | 'yellow' | 'red' {
  if (d.level) return d.level;
  if (now >= d.dueAt.getTime()) return 'red';
  if (d.warnAt && now >= d.warnAt.getTime()) return 'yellow';
  return 'none';
}
