import type { DeadlineView } from '../contract/orders.js';
import type { LimitUnit, Stage } from '../contract/vocabulary.js';
import { warningLevelAt } from '../orders/order-time-limit.presenter.js';
import type { OrderDeadline } from './timelimits.table.js';

export function presentDeadline(d: OrderDeadline, now: Date): DeadlineView<Date> {
  const running = d.status === 'running';
  return {
    id: d.id,
    stage: d.stage as Stage,
    status: d.status,
    unitId: d.unit_id,
    amount: d.amount,
    unit: d.unit as LimitUnit,
    clock: d.clock,
    startedAt: d.started_at,
    dueAt: d.due_at,
    originalDueAt: d.original_due_at,
    warnAt: d.warn_at,
    urgeAt: d.urge_at,
    superviseAt: d.supervise_at,
    leaderAt: d.leader_at,
    pausedAt: d.paused_at,
    pausedRemainingMs: d.paused_remaining_ms,
    endedAt: d.ended_at,
    warningLevel: running ? warningLevelAt(now, d.due_at, d.warn_at) : null,
    remainingMs: running ? d.due_at.getTime() - now.getTime() : d.status === 'paused' ? d.paused_remaining_ms : null,
    fired: {
      yellow: d.yellow_fired_at,
      urge: d.urge_fired_at,
      red: d.red_fired_at,
      supervise: d.supervise_fired_at,
      leader: d.leader_fired_at,
    },
    overdue: d.ended_at ? d.ended_at.getTime() > d.due_at.getTime() : running && now.getTime() > d.due_at.getTime(),
    explanation: d.explanation,
  };
}
