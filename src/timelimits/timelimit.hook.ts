import type { TransitionHook, TransitionHookContext } from '../orders/transition-hooks.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import { endDeadlines, refreshOrderDeadlineSummary } from './deadline.repository.js';
import {
  applyApprovedExtension,
  forgetRequestedExtension,
  pauseClock,
  rememberRequestedExtension,
  resumeClock,
  startStage,
} from './deadline.service.js';
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
    case 'accept':
      // Intake plans the dispatch clock before the order row exists and stores both itself
      // (planIntakeDeadline in order-intake.service), so a new order is written once.
      return;
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
      return rememberRequestedExtension(tx, await ctx(), order.id, new Date(String(h.payload.newDeadline)));
    case 'reject_extension':
      return forgetRequestedExtension(tx, order.id);
    case 'approve_extension':
      return applyApprovedExtension(tx, await ctx(), order, at);
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
      await met(['visit']);
      return start(['reply'], order.lead_unit_id);
    case 'visit_close':
      await met(['visit']);
      return;
    case 'wait_for_citizen':
    case 'suspend':
      return pauseClock(tx, await ctx(), order, at, String(h.payload.reason ?? h.action));
    case 'resume_clock':
      return resumeClock(tx, await ctx(), order, at);
  }
}

export const timelimitHook: TransitionHook = async (h) => {
  if (h.action === 'accept') return; // written with the new order (see above)
  await applyStageChanges(h);
  // A closed, invalid or merged order has no clock running, whatever step got it there.
  if (FINAL_STATES.includes(h.after.state as OrderState)) await endDeadlines(h.tx, h.after.id, 'cancelled', h.at);
  await refreshOrderDeadlineSummary(h.tx, h.after.id);
  return 'order-updated';
};
