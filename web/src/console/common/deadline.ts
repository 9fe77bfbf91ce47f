import type { Stage, WarningLevel } from '../../shared/contract';
import type { Order } from '../api/types';

export interface CurrentDeadline {
  dueAt: Date;
  warnAt: Date | null;
  stage: Stage | null;
  level: WarningLevel | null;
  paused: boolean;
}

/** The order's nearest running deadline as the API presents it (`timeLimit`, src/contract/orders.ts); null when none. */
export function readDeadline(order: Order): CurrentDeadline | null {
  const limit = order.timeLimit;
  if (!limit?.dueAt) return null;
  return {
    dueAt: new Date(limit.dueAt),
    warnAt: limit.warnAt ? new Date(limit.warnAt) : null,
    stage: limit.stage,
    level: limit.warningLevel,
    paused: limit.paused === true,
  };
}
/** Level from the API when given, else from the instants: red past due, yellow past the warning time. */
export function levelAt(d: CurrentDeadline, now: number): WarningLevel {
  if (d.level) return d.level;
  if (now >= d.dueAt.getTime()) return 'red';
  if (d.warnAt && now >= d.warnAt.getTime()) return 'yellow';
  return 'none';
}
