import type { AssistTaskActions, AssistTaskWithActions } from '../contract/assist.js';
import type { AssistTaskRow } from './assist.repository.js';

/** Late: submitted after the deadline, or not submitted while the deadline has passed. */
export const isAssistLate = (row: Pick<AssistTaskRow, 'due_at' | 'submitted_at'>, now: Date) =>
  (row.submitted_at ?? now).getTime() > row.due_at.getTime();

/** Whitelists a task's fields for the order page and the inbox. */
export function presentAssistTask(row: AssistTaskRow, now: Date, can: AssistTaskActions): AssistTaskWithActions<Date> {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNo: row.order_no,
    orderTitle: row.order_title,
    orderState: row.order_state,
    unitId: row.unit_id,
    unitName: row.unit_name,
    state: row.state,
    assignedAt: row.assigned_at,
    dueAt: row.due_at,
    signedAt: row.signed_at,
    opinion: row.opinion,
    submittedAt: row.submitted_at,
    late: row.state !== 'cancelled' && isAssistLate(row, now),
    urgeCount: row.urge_count,
    lastUrgedAt: row.last_urged_at,
    can,
  };
}
