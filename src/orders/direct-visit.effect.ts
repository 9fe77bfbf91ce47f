import type { VisitMethod } from '../contract/vocabulary.js';
import { domainError, invalidField } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { hasReturnVisit, insertReturnVisit } from './order-extras.repository.js';
import type { EffectContext, EffectResult } from './order-effect.js';

/**
 * The method a visit is recorded with. The one-time link's `sms_link` is the citizen's own rating
 * (ADR 0202): staff cannot claim it, so 短信链接 in the figures always means the citizen answered.
 */
export function visitMethod(actor: Actor, method: VisitMethod | undefined): VisitMethod {
  if (method === 'sms_link' && actor.systemRole !== 'citizen') throw invalidField('method');
  return method ?? 'phone';
}

/**
 * 直办件回访 (ADR 0202): the return visit of an order the centre answered directly (sampled into the
 * visit queue, or chosen by hand). The order stays closed; its one visit is recorded like any other
 * (满意率 and 解决率 count it). A dissatisfied answer is kept on the order and the visit — there is no
 * unit to send a 直办 answer back to.
 */
export async function directVisitEffect(ctx: EffectContext<'direct_visit'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  if (payload.reached && (payload.satisfaction === undefined || payload.resolved === undefined)) {
    throw invalidField('satisfaction');
  }
  if (await hasReturnVisit(tx, order.id)) throw domainError('CONFLICT', 'visit.directVisited');
  const satisfaction = payload.reached ? (payload.satisfaction ?? null) : null;
  const resolved = payload.reached ? (payload.resolved ?? null) : null;
  const method = visitMethod(actor, payload.method);
  await insertReturnVisit(tx, {
    orderId: order.id,
    by: actor.userId,
    at,
    reached: payload.reached,
    satisfaction,
    resolved,
    unitCaused: null,
    method,
    note,
  });
  return {
    patch: payload.reached ? { satisfaction, resolved } : {},
    eventPayload: { reached: payload.reached, satisfaction, resolved, method },
  };
}
