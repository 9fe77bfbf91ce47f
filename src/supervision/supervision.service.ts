import { loadCentreCalendar } from '../calendar/calendar.service.js';
import { formatLocal } from '../shared/time-zone.js';
import { text, type MessageKey } from '../i18n/messages.js';
import type { Order } from '../db/schema.js';
import { notify } from '../notifications/notify.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import type { Deps } from '../shared/deps.js';
import { LEADER_FOLLOWUP_READERS } from '../contract/supervision.js';
import type { LeaderFollowupView, SupervisionView } from '../contract/timelimits.js';
import { warningLevelAt } from '../orders/order-time-limit.presenter.js';
import { domainError, forbidden, invalidField } from '../shared/errors.js';
import { hasAnyRole, isUnitScoped, type Actor, type Role } from '../users/roles.js';
import { actorDesk } from '../users/actor-scope.js';
import { can } from '../users/permissions.js';
import { requireLeaderMay } from '../leaders/leader-settings.service.js';
import {
  closeLeaderFollowup,
  findSupervision,
  insertLeaderFollowup,
  insertSupervision,
  listLeaderFollowups,
  listSupervisions,
  updateSupervisionIfStatus,
} from './supervision.repository.js';

const SUPERVISORS: Role[] = ['supervisor'];
const LEADERS: Role[] = ['leader', 'supervisor'];
const need = (actor: Actor, roles: Role[]) => {
  if (!hasAnyRole(actor, roles)) throw forbidden();
};

const openOrder = async (deps: Deps, actor: Actor, idOrNo: string) => {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  if (FINAL_STATES.includes(order.state as OrderState)) throw domainError('CONFLICT', 'supervision.orderClosed');
  return order;
};

/** A supervisor's 催办 by hand: a timeline event and a notice to the lead unit. */
export async function urgeOrder(deps: Deps, actor: Actor, idOrNo: string, note: string) {
  // Leaders may too where the centre allows it (issue 14, src/leaders/leader-settings.service.ts).
  if (!can(actor, 'order.urge')) await requireLeaderMay(deps, actor, 'urge');
  const order = await openOrder(deps, actor, idOrNo);
  const at = deps.clock.now();
  const cal = await loadCentreCalendar(deps.db, order.centre_id);
  await deps.db.transaction().execute(async (tx) => {
    await recordOrderEvent(tx, order, { kind: 'urge', by: actor, at, note: note, payload: { origin: 'manual' } });
    await notify(
      tx,
      {
        kind: 'timelimit.urge',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.urge',
        vars: {
          orderNo: order.order_no,
          stage: text(`stage.${order.deadline_stage ?? 'reply'}` as MessageKey).zh,
          due: order.deadline_due_at ? formatLocal(order.deadline_due_at, cal.timezone) : '—',
        },
        audience: order.lead_unit_id ? { unitId: order.lead_unit_id } : { centreRoles: ['dispatcher'] },
        sourceKey: `urge:manual:${order.id}:${at.getTime()}`,
      },
      at,
    );
  });
  return { orderId: order.id, at };
}

/** Whether the order's running stage deadline has passed at `at` (its warning level is red). */
const isOverdue = (order: Order, at: Date) => warningLevelAt(at, order.deadline_due_at, order.deadline_warn_at) === 'red';

/** A formal 督办单 issued by hand, with its own deadline in working days (default 2). */
export async function issueSupervision(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  input: { reason: string; dueWorkingDays?: number },
) {
  if (!hasAnyRole(actor, SUPERVISORS)) await requireLeaderMay(deps, actor, 'supervise');
  const order = await openOrder(deps, actor, idOrNo);
  // A 督办单 is addressed to the unit handling the order; before dispatch nobody could answer it.
  if (!order.lead_unit_id) throw domainError('CONFLICT', 'supervision.noUnit');
  const at = deps.clock.now();
  const cal = await loadCentreCalendar(deps.db, order.centre_id);
  const days = input.dueWorkingDays ?? 2;
  if (!Number.isInteger(days) || days < 0 || days > 30) throw invalidField('dueWorkingDays', '0–30');
  const due = cal.endOfWorkingDays(at, days);
  return deps.db.transaction().execute(async (tx) => {
    const s = await insertSupervision(tx, {
      order_id: order.id,
      centre_id: order.centre_id,
      deadline_id: null,
      unit_id: order.lead_unit_id,
      origin: 'manual',
      reason: input.reason,
      issued_by: actor.userId,
      issued_at: at,
      due_at: due,
      status: 'open',
    });
    if (!s) throw new Error('supervision insert returned nothing');
    await recordOrderEvent(tx, order, {
      kind: 'supervise',
      by: actor,
      at,
      note: input.reason,
      payload: {
        origin: 'manual',
        supervisionId: s.id,
        supervisionDueAt: due.toISOString(),
      },
    });
    await notify(
      tx,
      {
        kind: 'timelimit.supervise',
        centreId: order.centre_id,
        orderId: order.id,
        // The automatic 督办单 comes only after the deadline; one issued by hand may come before it.
        textKey: isOverdue(order, at) ? 'notice.supervise' : 'notice.superviseOnTime',
        vars: { orderNo: order.order_no, due: formatLocal(due, cal.timezone) },
        audience: order.lead_unit_id ? { unitId: order.lead_unit_id } : { centreRoles: ['dispatcher'] },
        sourceKey: `supervise:manual:${s.id}`,
      },
      at,
    );
    return s;
  });
}

/** The unit's written response to a 督办单 (only the unit the order is with, or above it). */
export async function respondToSupervision(deps: Deps, actor: Actor, id: string, response: string) {
  need(actor, ['unit_handler', 'unit_admin']);
  const s = await findSupervision(deps.db, actor.centreId, id);
  if (!s) throw domainError('NOT_FOUND', 'supervision.notFound');
  const order = await loadVisibleOrder(deps, actor, s.order_id); // 404 outside the unit's subtree
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await updateSupervisionIfStatus(tx, s.id, 'open', {
      status: 'responded',
      response,
      responded_by: actor.userId,
      responded_at: at,
    });
    if (!row) throw domainError('CONFLICT', 'supervision.wrongStatus', { status: s.status });
    await recordOrderEvent(tx, order, {
      kind: 'supervise_response',
      by: actor,
      at,
      note: response,
      payload: { supervisionId: s.id },
    });
    return row;
  });
}

/** The supervisor closes a 督办单 (answered or not), with a note. */
export async function closeSupervision(deps: Deps, actor: Actor, id: string, note: string) {
  need(actor, SUPERVISORS);
  const s = await findSupervision(deps.db, actor.centreId, id);
  if (!s) throw domainError('NOT_FOUND', 'supervision.notFound');
  const order = await loadVisibleOrder(deps, actor, s.order_id);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const patch = { status: 'closed' as const, closed_by: actor.userId, closed_at: at, closing_note: note };
    const row =
      (await updateSupervisionIfStatus(tx, s.id, 'responded', patch)) ??
      (await updateSupervisionIfStatus(tx, s.id, 'open', patch));
    if (!row) throw domainError('CONFLICT', 'supervision.wrongStatus', { status: s.status });
    await recordOrderEvent(tx, order, { kind: 'supervise_close', by: actor, at, note: note, payload: { supervisionId: s.id } });
    return row;
  });
}

export async function listSupervisionsFor(
  deps: Deps,
  actor: Actor,
  f: { status?: string; orderId?: string; limit?: number },
): Promise<SupervisionView<Date>[]> {
  if (!hasAnyRole(actor, ['supervisor', 'leader', 'dispatcher', 'unit_handler', 'unit_admin'])) throw forbidden();
  return listSupervisions(deps.db, {
    centreId: actor.centreId,
    unitPath: isUnitScoped(actor) ? actor.unitPath : null,
    deskUnitId: actorDesk(actor),
    status: f.status,
    orderId: f.orderId,
    limit: f.limit ?? 100,
  });
}

export async function listLeaderFollowupsFor(deps: Deps, actor: Actor, open: boolean): Promise<LeaderFollowupView<Date>[]> {
  need(actor, [...LEADER_FOLLOWUP_READERS]);
  return listLeaderFollowups(deps.db, actor.centreId, open, 200, actorDesk(actor));
}

/** A leader or supervisor puts an order on the 领导盯办 list by hand. */
export async function addLeaderFollowup(deps: Deps, actor: Actor, idOrNo: string, reason: string) {
  need(actor, LEADERS);
  const order = await openOrder(deps, actor, idOrNo);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const added = await insertLeaderFollowup(tx, {
      orderId: order.id,
      centreId: order.centre_id,
      reason,
      origin: 'manual',
      by: actor.userId,
      at,
    });
    if (!added) return { added };
    await recordOrderEvent(tx, order, { kind: 'leader_followup', by: actor, at, note: reason, payload: { origin: 'manual' } });
    // A 盯办 put on the list by a supervisor is news for the centre's leaders (issue 14).
    if (!hasAnyRole(actor, ['leader']))
      await notify(
        tx,
        {
          kind: 'leader.followup',
          centreId: order.centre_id,
          orderId: order.id,
          textKey: 'notice.leaderFollowupAdded',
          vars: { by: actor.label, orderNo: order.order_no, excerpt: [...reason].slice(0, 40).join('') },
          audience: { centreRoles: ['leader'] },
          sourceKey: `leader-followup:manual:${order.id}:${at.getTime()}`,
        },
        at,
      );
    return { added };
  });
}

export async function endLeaderFollowup(deps: Deps, actor: Actor, idOrNo: string) {
  need(actor, LEADERS);
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const closed = await closeLeaderFollowup(tx, order.centre_id, order.id, at);
    if (closed) await recordOrderEvent(tx, order, { kind: 'leader_followup_end', by: actor, at, note: null, payload: {} });
    return { closed };
  });
}
