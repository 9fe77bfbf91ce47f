import { OPEN_HOP_STATES, type HopState } from '../contract/forwarding.js';
import type { TaskStage } from '../contract/vocabulary.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { listHops } from '../orders/order-hop.repository.js';
import { endTaskDeadlines, listActiveTaskDeadlines } from './deadline.repository.js';
import { startTaskClock } from './deadline.service.js';
import { resolveRule } from './policy-resolution.js';
import type { TimelimitContext } from './timelimit-context.js';

/** The clocks a hop runs in each of its states: signing and replying while pending, replying while handled. */
const HOP_CLOCKS: Record<HopState, readonly TaskStage[]> = {
  pending: ['hop_sign', 'hop_reply'],
  handling: ['hop_reply'],
  replied: [],
  accepted: [],
  returned: [],
};
const HOP_STAGES: readonly TaskStage[] = ['hop_sign', 'hop_reply'];

/**
 * Brings the clocks of an order's hops in line with the hops (ADR 0152), after any forwarding move:
 * a new hop gets its sign-for clock (the centre's 签收 rule, never past the hop's deadline) and its
 * reply clock (until the forwarder's deadline), addressed to the unit it was forwarded to; a clock
 * whose step was taken ends met, a returned hop's clocks end cancelled, and a reply sent back starts
 * the reply clock again until the same deadline (already passed: overdue at once).
 */
export async function syncHopClocks(tx: Executor, ctx: () => Promise<TimelimitContext>, order: Order, at: Date) {
  const [hops, active] = await Promise.all([listHops(tx, order.id), listActiveTaskDeadlines(tx, order.id)]);
  const hopIds = new Set(hops.map((h) => h.id));
  const running = new Set(active.filter((d) => hopIds.has(d.task_id!)).map((d) => `${d.task_id}|${d.stage}`));
  for (const hop of hops) {
    const wanted = OPEN_HOP_STATES.includes(hop.state) ? HOP_CLOCKS[hop.state] : [];
    const ended = HOP_STAGES.filter((s) => running.has(`${hop.id}|${s}`) && !wanted.includes(s));
    if (ended.length > 0) await endTaskDeadlines(tx, hop.id, hop.state === 'returned' ? 'cancelled' : 'met', at, ended);
    for (const stage of wanted) {
      if (running.has(`${hop.id}|${stage}`)) continue;
      const c = await ctx();
      await startTaskClock(tx, c, order, at, {
        taskId: hop.id,
        unitId: hop.to_unit_id,
        stage,
        dueAt: hop.due_at,
        rule: stage === 'hop_sign' ? resolveRule(c.rules, 'sign', c.facts) : undefined,
        note:
          stage === 'hop_sign'
            ? `下派签收（${hop.from_unit_name} → ${hop.to_unit_name}）`
            : `${hop.from_unit_name}限定的下派办理时限`,
      });
    }
  }
}

/** An assisting unit's task gets its clock (协办意见, until the task's deadline; ADR 0152). */
export async function startAssistClock(
  tx: Executor,
  ctx: TimelimitContext,
  order: Order,
  at: Date,
  task: { id: string; unit_id: string; due_at: Date },
) {
  await startTaskClock(tx, ctx, order, at, {
    taskId: task.id,
    unitId: task.unit_id,
    stage: 'assist',
    dueAt: task.due_at,
    rule: {
      stage: 'reply',
      priority: null,
      appealType: null,
      categoryId: null,
      amount: ctx.settings.assistWorkingDays,
      unit: 'working_days',
      note: `${ctx.settings.assistWorkingDays} 个工作日内提交协办意见`,
      source: 'task',
      policyId: null,
      specificity: 0,
    },
    note: `${ctx.settings.assistWorkingDays} 个工作日内提交协办意见`,
  });
}

/** The assisting unit's opinion is in (met), or its task no longer stands (cancelled). */
export const endAssistClock = (tx: Executor, taskId: string, status: 'met' | 'cancelled', at: Date) =>
  endTaskDeadlines(tx, taskId, status, at, ['assist']);
