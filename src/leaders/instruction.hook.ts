import type { TransitionHook } from '../orders/order-hooks.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { findUnit } from '../org/unit.repository.js';
import { listUnansweredInstructionsOfOrder, readdressInstruction } from './instruction.repository.js';
import { excerptOf } from './leaders.presenter.js';

/**
 * 批示 follow the order (ADR 0154): when an order is dispatched to a lead unit other than the one a
 * 批示 is addressed to (a re-dispatch after a return), every unanswered 批示 moves to the new lead unit,
 * back to 待签收, with an `instruction_moved` step on the timeline and a notice to the new unit. Answered
 * ones stay with the unit that answered. Runs in the transition's transaction.
 */
export const instructionsFollowLeadHook: TransitionHook = async (h) => {
  if (h.action !== 'dispatch' || !h.after.lead_unit_id) return;
  const { tx, after: order, at } = h;
  const waiting = (await listUnansweredInstructionsOfOrder(tx, order.id)).filter((i) => i.unit_id !== order.lead_unit_id);
  if (waiting.length === 0) return;
  const lead = await findUnit(tx, order.centre_id, order.lead_unit_id!);
  if (!lead) return;
  for (const ins of waiting) {
    if (!(await readdressInstruction(tx, ins.id, { unitId: ins.unit_id, status: ins.status }, lead.id))) continue;
    await recordOrderEvent(tx, order, {
      kind: 'instruction_moved',
      by: h.actor,
      at,
      note: ins.text,
      payload: {
        instructionId: ins.id,
        fromUnitId: ins.unit_id,
        fromUnitName: ins.unit_name,
        toUnitId: lead.id,
        toUnitName: lead.name,
      },
    });
    h.outbox.push({
      topic: 'notify',
      dedupeKey: `notify:instruction-moved:${ins.id}:${lead.id}`, // as notify() names it
      payload: {
        kind: 'leader.instruction',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.instructionMoved',
        vars: { leader: ins.leader_name, orderNo: order.order_no, excerpt: excerptOf(ins.text) },
        audience: { unitId: lead.id },
        sourceKey: `instruction-moved:${ins.id}:${lead.id}`,
      },
    });
  }
};
