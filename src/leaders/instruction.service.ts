import type { Deps } from '../shared/deps.js';
import type { Executor } from '../db/database.js';
import { CASE_OWNER_ROLES, type InstructionStatus, type InstructionView } from '../contract/leaders.js';
import { INSTRUCTION_STATUS_LABELS } from '../contract/leaders-labels.js';
import { notify } from '../notifications/notify.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { findOrder } from '../orders/order.repository.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { findUnit } from '../org/unit.repository.js';
import { domainError, notFound } from '../shared/errors.js';
import { isUnitScoped, UNIT_ROLES, type Actor } from '../users/roles.js';
import { findInstruction, insertInstruction, listInstructions, updateInstructionIfStatus } from './instruction.repository.js';
import { answersFor, need, openOrderFor } from './leader-guards.js';
import { excerptOf, presentInstruction } from './leaders.presenter.js';

const viewOf = async (db: Executor, centreId: string, id: string) =>
  presentInstruction((await listInstructions(db, { centreId, id, limit: 1 }))[0]);

/** 批示: the leader's instruction to the order's lead unit, on the timeline and in the unit's inbox. */
export async function writeInstruction(deps: Deps, actor: Actor, idOrNo: string, text: string): Promise<InstructionView<Date>> {
  need(actor, CASE_OWNER_ROLES);
  const order = await openOrderFor(deps, actor, idOrNo);
  // A 批示 is answered by the handling unit: before dispatch nobody could.
  if (!order.lead_unit_id) throw domainError('CONFLICT', 'leaders.noUnit');
  const unit = await findUnit(deps.db, order.centre_id, order.lead_unit_id);
  if (!unit) throw notFound('unit');
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (tx) => {
    const row = await insertInstruction(tx, {
      order_id: order.id,
      centre_id: order.centre_id,
      unit_id: unit.id,
      leader_id: actor.userId ?? '',
      text: text.trim(),
      issued_at: at,
      status: 'open',
    });
    await recordOrderEvent(tx, order, {
      kind: 'instruction',
      by: actor,
      at,
      note: text.trim(),
      payload: { instructionId: row.id, unitId: unit.id, unitName: unit.name },
    });
    await notify(
      tx,
      {
        kind: 'leader.instruction',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.instruction',
        vars: { leader: actor.label, orderNo: order.order_no, excerpt: excerptOf(text.trim()) },
        audience: { unitId: unit.id },
        sourceKey: `instruction:${row.id}`,
      },
      at,
    );
    return row.id;
  });
  return viewOf(deps.db, order.centre_id, id);
}

/** The 批示 a unit person answers for (404 when it is not addressed to their unit's subtree). */
async function instructionForUnit(deps: Deps, actor: Actor, id: string) {
  need(actor, UNIT_ROLES);
  const found = await findInstruction(deps.db, actor.centreId, id);
  if (!found || !answersFor(actor, found.unit_path)) throw notFound('instruction');
  const order = await findOrder(deps.db, { centreId: actor.centreId, unitPath: null }, found.order_id);
  if (!order) throw notFound('order');
  return { found, order };
}

const wrongStatus = (status: InstructionStatus) =>
  domainError('CONFLICT', 'leaders.instructionStatus', { status: INSTRUCTION_STATUS_LABELS[status].zh });

/** 签收: the lead unit has read the 批示; the leader is told. */
export async function acknowledgeInstruction(deps: Deps, actor: Actor, id: string): Promise<InstructionView<Date>> {
  const { found, order } = await instructionForUnit(deps, actor, id);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const moved = await updateInstructionIfStatus(tx, id, 'open', {
      status: 'acknowledged',
      acknowledged_by: actor.userId,
      acknowledged_at: at,
    });
    if (!moved) throw wrongStatus(found.status);
    await recordOrderEvent(tx, order, { kind: 'instruction_ack', by: actor, at, payload: { instructionId: id } });
    await notify(
      tx,
      {
        kind: 'leader.instructionAck',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.instructionAck',
        vars: { unit: actor.label, orderNo: order.order_no },
        audience: { userIds: [found.leader_id] },
        sourceKey: `instruction-ack:${id}`,
      },
      at,
    );
  });
  return viewOf(deps.db, actor.centreId, id);
}

/** The unit's written answer to a 批示 it has signed for; the leader is told. */
export async function answerInstruction(deps: Deps, actor: Actor, id: string, answer: string): Promise<InstructionView<Date>> {
  const { found, order } = await instructionForUnit(deps, actor, id);
  if (found.status === 'open') throw domainError('CONFLICT', 'leaders.acknowledgeFirst');
  const at = deps.clock.now();
  const text = answer.trim();
  await deps.db.transaction().execute(async (tx) => {
    const moved = await updateInstructionIfStatus(tx, id, 'acknowledged', {
      status: 'answered',
      answer: text,
      answered_by: actor.userId,
      answered_at: at,
    });
    if (!moved) throw wrongStatus(found.status);
    await recordOrderEvent(tx, order, { kind: 'instruction_answer', by: actor, at, note: text, payload: { instructionId: id } });
    await notify(
      tx,
      {
        kind: 'leader.instructionAnswer',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.instructionAnswer',
        vars: { unit: actor.label, orderNo: order.order_no, excerpt: excerptOf(text) },
        audience: { userIds: [found.leader_id] },
        sourceKey: `instruction-answer:${id}`,
      },
      at,
    );
  });
  return viewOf(deps.db, actor.centreId, id);
}

/**
 * 批示 as the reader may see them: of one visible order; else a unit's (its subtree's, the 待办批示 tab),
 * a leader's own, or the centre's for other centre roles.
 */
export async function listInstructionsFor(
  deps: Deps,
  actor: Actor,
  f: { orderId?: string; statuses?: readonly InstructionStatus[] },
): Promise<InstructionView<Date>[]> {
  const base = { centreId: actor.centreId, statuses: f.statuses, limit: 200 };
  if (f.orderId) {
    const order = await loadVisibleOrder(deps, actor, f.orderId);
    return (await listInstructions(deps.db, { ...base, orderId: order.id })).map(presentInstruction);
  }
  need(actor, [...UNIT_ROLES, 'leader', 'supervisor', 'dispatcher']);
  const scope = isUnitScoped(actor)
    ? { unitPath: actor.unitPath ?? '' }
    : actor.roles.includes('leader') && !actor.roles.includes('supervisor')
      ? { leaderId: actor.userId ?? '' }
      : {};
  return (await listInstructions(deps.db, { ...base, ...scope })).map(presentInstruction);
}
