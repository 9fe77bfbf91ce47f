import { text } from '../../i18n/messages.js';
import { recordOrderEvent } from '../../orders/timeline-events.js';
import { loadVisibleOrder } from '../../orders/order-query.service.js';
import type { Deps } from '../../shared/deps.js';
import { DomainError, domainError, forbidden } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { actorDesk } from '../../users/actor-scope.js';
import { assessedUnitOf } from './assessment-units.js';
import { decideAppeal, findAppeal, findSnapshot, insertAppeal, insertExclusion, listAppeals } from './assessment.repository.js';
import type { AssessmentAppealView } from '../../contract/analytics.js';

/** The assessment month of an order: the local (UTC+8) month it was accepted in. */
export const orderMonth = (acceptedAt: Date) =>
  new Date(new Date(acceptedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * Marks an order as an unreasonable appeal after review (不合理诉求): it leaves every unit's rating
 * and deductions from now on (frozen months keep what they stored). Recorded on the order's timeline.
 */
export async function excludeOrder(deps: Deps, actor: Actor, input: { orderId: string; reason: string }) {
  if (!can(actor, 'assessment.run') || isUnitScoped(actor)) throw forbidden();
  const order = await loadVisibleOrder(deps, actor, input.orderId);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await insertExclusion(tx, {
      centreId: actor.centreId,
      orderId: order.id,
      reason: input.reason,
      reviewerId: actor.userId,
      at,
    });
    if (!row) throw domainError('CONFLICT', 'assessment.alreadyExcluded');
    await recordOrderEvent(tx, order, {
      kind: 'assessment_exclude',
      by: actor,
      at,
      note: input.reason,
      payload: { reason: input.reason },
    });
    return {
      orderId: order.id,
      orderNo: order.order_no,
      reason: row.reason,
      reviewerId: row.reviewer_id,
      createdAt: row.created_at,
    };
  });
}

/** A unit's 申诉 on one of its orders, for the month the order was accepted in (not once frozen). */
export async function fileAppeal(deps: Deps, actor: Actor, input: { orderId: string; reason: string }) {
  if (!can(actor, 'assessment.appeal')) throw forbidden();
  // Filed under the admin's own unit (a county department's 申诉 is the department's, not the county's);
  // accepted, it takes the order out of that department's and its county's score (scoreMonth).
  const unitId = assessedUnitOf(actor.unitPath) ? actor.unitId : null;
  if (!unitId) throw forbidden('assessment.noAssessedUnit');
  const order = await loadVisibleOrder(deps, actor, input.orderId);
  const month = orderMonth(order.accepted_at);
  if (await findSnapshot(deps.db, actor.centreId, month)) throw domainError('CONFLICT', 'assessment.frozen', { month });
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await insertAppeal(tx, {
      centreId: actor.centreId,
      orderId: order.id,
      unitId,
      month,
      reason: input.reason,
      by: actor.userId,
      at,
    });
    if (!row) throw domainError('CONFLICT', 'assessment.appealExists');
    await recordOrderEvent(tx, order, {
      kind: 'assessment_appeal',
      by: actor,
      at,
      note: input.reason,
      payload: { appealId: row.id, unitId, month },
    });
    return row;
  });
}

const appealNotFound = () => {
  const what = text('what.appeal');
  return new DomainError('NOT_FOUND', {
    zh: text('error.notFound', { what: what.zh }).zh,
    en: text('error.notFound', { what: what.en }).en,
  });
};

/** The supervisor's or analyst's decision on a 申诉; accepted = the order leaves that unit's score. */
export async function decideAssessmentAppeal(
  deps: Deps,
  actor: Actor,
  input: { appealId: string; accept: boolean; note?: string },
) {
  // 申诉 are decided by the league centre, not by a sub-centre (ADR 0111)
  if (!can(actor, 'assessment.run') || isUnitScoped(actor) || actorDesk(actor)) throw forbidden();
  const appeal = await findAppeal(deps.db, actor.centreId, input.appealId);
  if (!appeal) throw appealNotFound();
  if (await findSnapshot(deps.db, actor.centreId, appeal.month)) {
    throw domainError('CONFLICT', 'assessment.frozen', { month: appeal.month });
  }
  const order = await loadVisibleOrder(deps, actor, appeal.order_id);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const status = input.accept ? 'accepted' : 'rejected';
    const row = await decideAppeal(tx, { id: appeal.id, status, by: actor.userId, at, note: input.note ?? null });
    if (!row) throw domainError('CONFLICT', 'assessment.appealDecided');
    await recordOrderEvent(tx, order, {
      kind: 'assessment_appeal_decided',
      by: actor,
      at,
      note: input.note ?? '',
      payload: { appealId: appeal.id, status },
    });
    return row;
  });
}

export async function listAssessmentAppeals(
  deps: Deps,
  actor: Actor,
  q: { month?: string },
): Promise<{ items: AssessmentAppealView<Date>[] }> {
  if (!can(actor, 'assessment.read')) throw forbidden();
  const items = await listAppeals(deps.db, {
    centreId: actor.centreId,
    month: q.month,
    // A unit-scoped person sees the 申诉 of their unit's subtree (theirs and their departments').
    unitPath: isUnitScoped(actor) ? (actor.unitPath ?? '/none/') : deskAreaPath(actor),
  });
  return { items };
}

/** A sub-centre's staff read the 申诉 of their banner/county (the sub-centre's parent path); others all. */
function deskAreaPath(actor: Actor): string | null {
  if (!actorDesk(actor) || !actor.unitPath) return null;
  return actor.unitPath.replace(/[^/]+\/$/, '');
}
