import type { TransitionHook } from '../orders/order-hooks.js';
import { formatLocal } from '../shared/time-zone.js';
import { loadTimelimitContext } from '../timelimits/timelimit-context.js';
import { cancelOpenAssistTasks, insertAssistTasks, listActiveAssistUnits } from './assist.repository.js';

/**
 * 协办 tasks follow the dispatch (ADR 0120): a dispatch with assisting units gives each of them a task
 * due `assistWorkingDays` working days later (the centre's time-limit settings, default 3) on the
 * centre's calendar; a re-dispatch or an approved return cancels the open tasks of the dispatch
 * before. Runs in the transition's transaction, after the time-limit hook.
 */
export const assistHook: TransitionHook = async (h) => {
  if (h.action !== 'dispatch' && h.action !== 'approve_return') return;
  const { tx, after: order, at } = h;
  await cancelOpenAssistTasks(tx, order.id, at);
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
