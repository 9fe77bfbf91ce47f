import { ASSIST_UNIT_ROLES, type AssistInboxView, type AssistTaskWithActions, type OrderAssistView } from '../contract/assist.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { loadCentreCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notify.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { findUnit } from '../org/unit.repository.js';
import { isInSubtree } from '../shared/subtree.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, notFound } from '../shared/errors.js';
import { formatLocal } from '../shared/time-zone.js';
import { endAssistClock } from '../timelimits/task-clocks.service.js';
import { can } from '../users/permissions.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { isAssistLate, presentAssistTask } from './assist.presenter.js';
import {
  findAssistTask,
  listOrderAssistTasks,
  listUnitAssistTasks,
  markAssistSigned,
  markAssistSubmitted,
  markAssistUrged,
  type AssistTaskRow,
} from './assist.repository.js';

const INBOX_LIMIT = 200;
const OPEN_TASK = ['pending', 'signed'];

/** The assisting unit's own people (its subtree) sign and write its opinion. */
const actsForUnit = (actor: Actor, unitPath: string) =>
  hasAnyRole(actor, ASSIST_UNIT_ROLES) && actor.unitPath !== null && isInSubtree(unitPath, actor.unitPath);

/** The lead unit's people urge its assisting units; so do the centre's 催办 roles. */
const mayUrge = (actor: Actor, leadUnitPath: string | null) =>
  can(actor, 'order.urge') || (leadUnitPath !== null && actsForUnit(actor, leadUnitPath));

const isOpen = (orderState: string) => !FINAL_STATES.includes(orderState as OrderState);

function actionsFor(actor: Actor, row: AssistTaskRow, leadUnitPath: string | null) {
  const live = isOpen(row.order_state) && OPEN_TASK.includes(row.state);
  const own = actsForUnit(actor, row.unit_path);
  return {
    sign: live && own && row.state === 'pending',
    opinion: live && own,
    urge: live && mayUrge(actor, leadUnitPath),
  };
}

const leadPathOf = async (db: Executor, order: Pick<Order, 'centre_id' | 'lead_unit_id'>) =>
  order.lead_unit_id ? ((await findUnit(db, order.centre_id, order.lead_unit_id))?.path ?? null) : null;

/** The order page's 协办 panel: every live task with its state, deadline and opinion. */
export async function listOrderAssist(deps: Deps, actor: Actor, idOrNo: string): Promise<OrderAssistView<Date>> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const [rows, leadPath] = await Promise.all([listOrderAssistTasks(deps.db, order.id), leadPathOf(deps.db, order)]);
  const now = deps.clock.now();
  return { items: rows.map((r) => presentAssistTask(r, now, actionsFor(actor, r, leadPath))) };
}

/** The assisting unit's inbox: its (subtree's) open tasks by deadline, then the submitted ones. */
export async function listAssistInbox(deps: Deps, actor: Actor): Promise<AssistInboxView<Date>> {
  if (!hasAnyRole(actor, ASSIST_UNIT_ROLES) || actor.unitPath === null) throw forbidden();
  const rows = await listUnitAssistTasks(deps.db, actor.centreId, actor.unitPath, INBOX_LIMIT);
  const now = deps.clock.now();
  // Urging is the lead unit's, never shown in the assisting unit's own list.
  return { items: rows.map((r) => presentAssistTask(r, now, { ...actionsFor(actor, r, null), urge: false })) };
}

/** The order (visible to the actor, else 404), its task (else 404), still open (else 409). */
async function openTask(deps: Deps, actor: Actor, idOrNo: string, taskId: string) {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const task = await findAssistTask(deps.db, order.id, taskId);
  if (!task) throw notFound('assistTask');
  if (!isOpen(order.state)) throw domainError('CONFLICT', 'assist.orderClosed');
  return { order, task };
}

/** Why a conditional step found the task in another state. */
function stateConflict(state: string | undefined) {
  if (state === 'submitted') return domainError('CONFLICT', 'assist.alreadySubmitted');
  if (state === 'signed') return domainError('CONFLICT', 'assist.alreadySigned');
  return domainError('CONFLICT', 'assist.cancelled');
}

const factsOf = (task: AssistTaskRow) => ({
  taskId: task.id,
  unitId: task.unit_id,
  unitName: task.unit_name,
  dueAt: task.due_at.toISOString(),
});

async function reread(tx: Executor, actor: Actor, task: AssistTaskRow, leadPath: string | null, now: Date) {
  const row = (await findAssistTask(tx, task.order_id, task.id))!;
  return presentAssistTask(row, now, actionsFor(actor, row, leadPath));
}

/** 协办签收: the assisting unit takes the task up. */
export async function signAssistTask(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  taskId: string,
): Promise<AssistTaskWithActions<Date>> {
  const { order, task } = await openTask(deps, actor, idOrNo, taskId);
  if (!actsForUnit(actor, task.unit_path)) throw forbidden();
  const at = deps.clock.now();
  const leadPath = await leadPathOf(deps.db, order);
  return deps.db.transaction().execute(async (tx) => {
    if (!(await markAssistSigned(tx, task.id, actor.userId, at))) {
      throw stateConflict((await findAssistTask(tx, order.id, task.id))?.state);
    }
    await recordOrderEvent(tx, order, { kind: 'assist_sign', by: actor, at, payload: factsOf(task) });
    return reread(tx, actor, task, leadPath, at);
  });
}

/** 协办意见: the assisting unit's written opinion, once; the lead unit is told. */
export async function submitAssistOpinion(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  taskId: string,
  opinion: string,
): Promise<AssistTaskWithActions<Date>> {
  const { order, task } = await openTask(deps, actor, idOrNo, taskId);
  if (!actsForUnit(actor, task.unit_path)) throw forbidden();
  const at = deps.clock.now();
  const text = opinion.trim();
  const leadPath = await leadPathOf(deps.db, order);
  return deps.db.transaction().execute(async (tx) => {
    const done = await markAssistSubmitted(tx, task.id, text, actor.userId, at);
    if (!done) throw stateConflict((await findAssistTask(tx, order.id, task.id))?.state);
    await endAssistClock(tx, task.id, 'met', at);
    const late = isAssistLate(done, at);
    await recordOrderEvent(tx, order, { kind: 'assist_opinion', by: actor, at, note: text, payload: { ...factsOf(task), late } });
    if (order.lead_unit_id) {
      await notify(
        tx,
        {
          kind: 'assist.opinion',
          centreId: order.centre_id,
          orderId: order.id,
          textKey: 'notice.assistOpinion',
          vars: { orderNo: order.order_no, unit: task.unit_name },
          audience: { unitId: order.lead_unit_id },
          sourceKey: `assist-opinion:${task.id}`,
        },
        at,
      );
    }
    return reread(tx, actor, task, leadPath, at);
  });
}

/** 催办协办: the lead unit (or the centre) reminds an assisting unit that has not submitted yet. */
export async function urgeAssistTask(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  taskId: string,
  note: string | null,
): Promise<AssistTaskWithActions<Date>> {
  const { order, task } = await openTask(deps, actor, idOrNo, taskId);
  const leadPath = await leadPathOf(deps.db, order);
  if (!mayUrge(actor, leadPath)) throw forbidden();
  const at = deps.clock.now();
  const cal = await loadCentreCalendar(deps.db, order.centre_id);
  return deps.db.transaction().execute(async (tx) => {
    if (!(await markAssistUrged(tx, task.id, at))) {
      const state = (await findAssistTask(tx, order.id, task.id))?.state;
      throw state === 'submitted' ? domainError('CONFLICT', 'assist.notUrgeable') : stateConflict(state);
    }
    await recordOrderEvent(tx, order, { kind: 'assist_urge', by: actor, at, note, payload: factsOf(task) });
    await notify(
      tx,
      {
        kind: 'assist.urge',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.assistUrge',
        vars: { orderNo: order.order_no, due: formatLocal(task.due_at, cal.timezone) },
        audience: { unitId: task.unit_id },
        sourceKey: `assist-urge:${task.id}:${at.getTime()}`,
      },
      at,
    );
    return reread(tx, actor, task, leadPath, at);
  });
}
