import type { OrderTimeLimitView } from '../contract/orders.js';
import type { Stage, WarningLevel } from '../contract/vocabulary.js';
import type { Order } from '../db/schema.js';

// The deadline summary is columns of the order row (written by the time-limit hooks), so every list
// shows it without a join; reading those columns belongs with the order's own presenter.

/** The level at `now`, from the stored instants (so it is never stale): red overdue, yellow past the share. */
export function warningLevelAt(now: Date, dueAt: Date | null, warnAt: Date | null): WarningLevel | null {
  if (!dueAt) return null;
  if (now.getTime() >= dueAt.getTime()) return 'red';
  if (warnAt && now.getTime() >= warnAt.getTime()) return 'yellow';
  return 'none';
}

/** The order's nearest running deadline as the API shows it on every order. */
export function presentOrderTimeLimit(order: Order, now: Date | undefined): OrderTimeLimitView<Date> {
  const due = order.deadline_due_at;
  return {
    stage: order.deadline_stage as Stage | null,
    dueAt: due,
    warnAt: order.deadline_warn_at,
    paused: order.clock_paused,
    warningLevel: now ? warningLevelAt(now, due, order.deadline_warn_at) : null,
    /** Milliseconds of wall time until the deadline; negative when overdue. */
    remainingMs: now && due ? due.getTime() - now.getTime() : null,
  };
}
