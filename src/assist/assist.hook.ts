import type { TransitionHook } from '../orders/order-hooks.js';
import { formatLocal } from '../shared/time-zone.js';
import { endAssistClock, startAssistClock } from '../timelimits/task-clocks.service.js';
import { loadTimelimitContext } from '../timelimits/timelimit-context.js';
import { cancelOpenAssistTasks, insertAssistTasks, listActiveAssistUnits } from './assist.repository.js';

/**
 * 协办 tasks follow the dispatch (ADR 0120): a dispatch with assisting units gives each of them a task
 * due `assistWorkingDays` working days later (the centre's time-limit settings, default 3) on the
 * centre's calendar; a re-dispatch or an approved return cancels the open tasks of the dispatch
 * before. Each task runs a clock of its own that the time-limit monitor watches (ADR 0152). Runs in
 * the transition's transaction, after the time-limit hook.
 */
export const assistHook: TransitionHook = async (h) => {
  if (h.action !== 'dispatch' && h.action !== 'approve_return') return;
  const { tx, after: order, at } = h;
  for (const id of await cancelOpenAssistTasks(tx, order.id, at)) await endAssistClock(tx, id, 'cancelled', at);
  if (h.action !== 'dispatch') return;
  const units = await listActiveAssistUnits(tx, order.id);
  if (units.length === 0) return;
  const ctx = await loadTimelimitContext(tx, order);
  const dueAt = ctx.cal.endOfWorkingDays(at, ctx.settings.assistWorkingDays);
  const tasks = await insertAssistTasks(
    tx,
    units.map((u) => ({ order_id: order.id, centre_id: order.centre_id, unit_id: u.id, assigned_at: at, due_at: dueAt })),
  );
  for (const task of tasks) {
    // the task's own clock: warnings, 催办 and 督办单 go to the assisting unit (ADR 0152)
    await startAssistClock(tx, ctx, order, at, task);
    h.outbox.push({
      topic: 'notify',
      dedupeKey: `notify:assist:${task.id}`,
      payload: {
        kind: 'assist.task',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.assistTask',
        vars: { orderNo: order.order_no, due: formatLocal(dueAt, ctx.cal.timezone) },
        audience: { unitId: task.unit_id },
        sourceKey: `assist:${task.id}`,
      },
    });
  }
};
