import { addDays, formatLocal } from '../shared/time-zone.js';
import { formatWorkPeriods, type WorkingCalendar } from '../calendar/working-calendar.js';
import { clockOf, dueAfter, remainingMs, shareAt, type ClockKind } from './deadline-math.js';
import { ANSWERING_STAGES, type EscalationSettings } from './default-policies.js';
import type { ResolvedRule } from './policy-resolution.js';
import type { Stage } from './timelimits.table.js';

export interface DeadlinePlan {
  clock: ClockKind;
  dueAt: Date;
  warnAt: Date;
  urgeAt: Date | null;
  superviseAt: Date | null;
  explanation: Record<string, unknown>;
}

/** Days off between two instants (for the explanation: why the deadline lies where it does). */
function daysOffBetween(cal: WorkingCalendar, from: Date, to: Date) {
  const out: { date: string; reason: string; name: string | null }[] = [];
  const last = cal.localDate(to);
  for (let d = cal.localDate(from); d <= last && out.length < 60; d = addDays(d, 1)) {
    const info = cal.day(d);
    if (!info.working || info.reason === 'makeup_workday' || info.reason === 'centre_workday') {
      out.push({ date: d, reason: info.reason, name: info.name });
    }
  }
  return out;
}

/** Thresholds of a stage that follow from its start and due instants. */
export function thresholds(
  cal: WorkingCalendar,
  stage: Stage,
  clock: ClockKind,
  start: Date,
  dueAt: Date,
  s: EscalationSettings,
) {
  const unitStage = ANSWERING_STAGES.includes(stage);
  return {
    warnAt: shareAt(cal, clock, start, dueAt, s.yellowShare),
    urgeAt: unitStage ? shareAt(cal, clock, start, dueAt, s.urgeShare) : null,
    superviseAt: unitStage
      ? s.superviseAfterWorkingDays > 0
        ? cal.endOfWorkingDays(dueAt, s.superviseAfterWorkingDays)
        : dueAt
      : null,
  };
}

/** Everything stored when a stage starts: the due instant, the warning ladder, and how it was reached. */
export function planDeadline(
  cal: WorkingCalendar,
  stage: Stage,
  rule: ResolvedRule,
  start: Date,
  s: EscalationSettings,
): DeadlinePlan {
  const clock = clockOf(rule.unit);
  const dueAt = dueAfter(cal, start, rule.amount, rule.unit);
  const t = thresholds(cal, stage, clock, start, dueAt, s);
  const tz = cal.timezone;
  const explanation = {
    stage,
    rule: {
      source: rule.source,
      policyId: rule.policyId,
      note: rule.note,
      appealType: rule.appealType,
      priority: rule.priority,
      categoryId: rule.categoryId,
    },
    amount: rule.amount,
    unit: rule.unit,
    clock,
    timezone: tz,
    workPeriods: clock === 'working' ? formatWorkPeriods(cal.periods) : null,
    startedLocal: formatLocal(start, tz),
    dueLocal: formatLocal(dueAt, tz),
    budgetMs: remainingMs(cal, clock, start, dueAt),
    daysOff: clock === 'working' ? daysOffBetween(cal, start, dueAt) : [],
    yellowShare: s.yellowShare,
    warnLocal: formatLocal(t.warnAt, tz),
    urgeLocal: t.urgeAt ? formatLocal(t.urgeAt, tz) : null,
    superviseLocal: t.superviseAt ? formatLocal(t.superviseAt, tz) : null,
    history: [] as unknown[],
  };
  return { clock, dueAt, ...t, explanation };
}

export interface ThresholdState {
  warn_at: Date;
  urge_at: Date | null;
  due_at: Date;
  supervise_at: Date | null;
  leader_at: Date | null;
  yellow_fired_at: Date | null;
  urge_fired_at: Date | null;
  red_fired_at: Date | null;
  supervise_fired_at: Date | null;
  leader_fired_at: Date | null;
}

/** The earliest threshold that has not fired yet; null when the ladder is done. */
export function nextCheckAt(d: ThresholdState): Date | null {
  const pending = [
    d.yellow_fired_at ? null : d.warn_at,
    d.urge_fired_at ? null : d.urge_at,
    d.red_fired_at ? null : d.due_at,
    d.supervise_fired_at ? null : d.supervise_at,
    d.leader_fired_at ? null : d.leader_at,
  ].filter((x): x is Date => x !== null);
  if (pending.length === 0) return null;
  return new Date(Math.min(...pending.map((x) => x.getTime())));
}
