import type { IntakeHook, TransitionHook, TransitionHookContext } from '../orders/order-hooks.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import { endDeadlines, refreshOrderDeadlineSummary } from './deadline.repository.js';
import {
  applyApprovedExtension,
  forgetRequestedExtension,
  pauseClock,
  progressReportRule,
  planIntakeDeadline,
  rememberRequestedExtension,
  restartDispatchWithinLimit,
  resumeClock,
  startStage,
} from './deadline.service.js';
import { syncHopClocks } from './task-clocks.service.js';
import { loadTimelimitContext } from './timelimit-context.js';
import type { Stage } from './timelimits.table.js';

const UNIT_WORK: Stage[] = ['sign', 'contact', 'reply'];

/**
 * Which stage clocks start and stop on each action (ADR 0011). Runs in the transition's
 * transaction, so a deadline exists exactly when the step that started it does.
 */
async function applyStageChanges(h: TransitionHookContext): Promise<void> {
  const { tx, after: order, at } = h;
  const ctx = () => loadTimelimitContext(tx, order);
  const met = (stages: Stage[]) => endDeadlines(tx, order.id, 'met', at, stages);
  const cancel = (stages?: Stage[]) => endDeadlines(tx, order.id, 'cancelled', at, stages);
  const start = async (stages: Stage[], unitId: string | null) => {
    const c = await ctx();
    for (const stage of stages) await startStage(tx, c, order, stage, at, unitId);
  };
  switch (h.action) {
    case 'dispatch':
      await met(['dispatch']);
      await cancel(UNIT_WORK);
      return start(UNIT_WORK, order.lead_unit_id);
    case 'sign':
      await met(['sign']);
      return;
    case 'reject_return':
      await met(['sign']);
      return;
    case 'approve_return':
      await cancel(UNIT_WORK);
      return start(['dispatch'], null);
    case 'unmerge':
      // Back in 受理 after a wrong merge: it waits for dispatch again, on a fresh dispatch clock.
      return start(['dispatch'], null);
    case 'record_contact':
      await met(['contact']);
      return;
    case 'request_extension':
      return rememberRequestedExtension(tx, await ctx(), order.id, new Date(h.payload.newDeadline));
    case 'reject_extension':
      return forgetRequestedExtension(tx, order.id);
    case 'approve_extension':
      return applyApprovedExtension(tx, await ctx(), order, at);
    case 'progress_report': {
      // The interim report is feedback in time for this clock; the next one runs from now (ADR 0121).
      await met(['reply', 'contact']);
      const c = await ctx();
      await startStage(tx, c, order, 'reply', at, order.lead_unit_id, progressReportRule(c));
      return;
    }
    case 'reply':
      await met(['reply', 'contact', 'sign']);
      return start(['review'], null);
    case 'review_accept':
      await met(['review']);
      return start(['visit'], null);
    case 'review_send_back':
      await met(['review']);
      return start(['reply'], order.lead_unit_id);
    case 'visit_rehandle':
      await met(['visit', 'check']);
      return start(['reply'], order.lead_unit_id);
    case 'visit_close':
      await met(['visit']);
      return;
    case 'visit_check':
      // The citizen's web rating is the return visit, whatever the centre's check decides; the check
      // runs on a clock of its own (ADR 0152).
      await met(['visit']);
      return start(['check'], null);
    case 'check_close':
      await met(['check']);
      return;
    case 'forward':
    case 'hop_sign':
    case 'hop_reply':
    case 'hop_accept':
    case 'hop_send_back':
    case 'hop_return':
      return syncHopClocks(tx, ctx, order, at);
    case 'wait_for_citizen':
    case 'suspend':
      return pauseClock(tx, await ctx(), order, at, h.payload.reason);
    case 'resume_clock':
      return resumeClock(tx, await ctx(), order, at);
    case 'route_to_desk':
    case 'hand_up':
      await restartDispatchWithinLimit(tx, await ctx(), order, at);
      return;
  }
}

/**
 * At intake the dispatch clock is planned before the order row exists: the order is written once with
 * its deadline summary, and the deadline row goes into the statement with its timeline event (ADR 0013).
 */
export const timelimitIntakeHook: IntakeHook = async ({ tx, draft, centre, at }) => {
  const ctx = await loadTimelimitContext(tx, draft, {
    settingsVersion: centre.settingsVersion,
    categoryPath: centre.categoryPath,
  });
  const deadline = planIntakeDeadline(ctx, at);
  return {
    columns: deadline.summary,
    companions: (order) => ({ rows: [{ table: 'order_deadlines', values: deadline.rowFor(order) }] }),
  };
};

export const timelimitHook: TransitionHook = async (h) => {
  await applyStageChanges(h);
  // A closed, invalid or merged order has no clock running, whatever step got it there.
  if (FINAL_STATES.includes(h.after.state as OrderState)) await endDeadlines(h.tx, h.after.id, 'cancelled', h.at);
  await refreshOrderDeadlineSummary(h.tx, h.after.id);
  return 'order-updated';
};
