import type { DuplicateReason, OrderDuplicatesView } from '../contract/orders.js';
import type { OrderState } from '../contract/vocabulary.js';
import { guardPhoneLookup, loadVisibleOrder } from '../orders/order-query.service.js';
import { logPhoneLookup } from '../accesslog/pii-access-log.repository.js';
import { actorScope } from '../users/actor-scope.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { toWgs84 } from '../shared/coordinates.js';
import type { Actor } from '../users/roles.js';
import { listLaterMatches } from './duplicate.repository.js';
import { CANDIDATE_MIN_SCORE, withoutCaller } from './duplicate-score.js';
import { findDuplicates } from './duplicate.service.js';
import type { DuplicateCheckInput } from './duplicate.schemas.js';

/**
 * Candidates for an existing order: earlier orders (computed now) and later orders that named it.
 * The caller is evidence only for readers who may see callers (pii.read): to a unit user, "same
 * caller" would tie a confidential or masked caller to another order's caller.
 */
export async function duplicatesOfOrder(deps: Deps, actor: Actor, idOrNo: string): Promise<OrderDuplicatesView<Date>> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const scope = actorScope(actor);
  const callerEvidence = can(actor, 'pii.read');
  const [earlier, later] = await Promise.all([
    findDuplicates(deps.db, deps.clock, {
      centreId: order.centre_id,
      scope,
      probe: {
        title: order.title,
        content: order.content,
        callerPhone: callerEvidence ? order.caller_phone : null,
        address: order.address,
        regionId: order.region_id,
        point: order.lat !== null && order.lng !== null ? { lat: order.lat, lng: order.lng } : null,
        categoryId: order.category_id,
      },
      at: order.accepted_at,
      excludeOrderId: order.id,
    }),
    listLaterMatches(deps.db, scope, order.id),
  ]);
  return {
    orderId: order.id,
    mergedIntoId: order.merged_into_id,
    candidates: earlier.map((c) => ({ ...c, state: c.state as OrderState })),
    laterMatches: later.flatMap((l) => {
      const shown = callerEvidence
        ? { score: Number(l.score), reasons: l.reasons as DuplicateReason[] }
        : withoutCaller(Number(l.score), l.reasons as DuplicateReason[]);
      if (shown.score < CANDIDATE_MIN_SCORE) return [];
      return [
        {
          orderId: l.id,
          orderNo: l.order_no,
          title: l.title,
          state: l.state as OrderState,
          acceptedAt: l.accepted_at,
          ...shown,
          distanceMetres: l.distance_m,
        },
      ];
    }),
  };
}

/** Candidates for the appeal being typed at intake (nothing is stored). */
export async function checkDuplicates(deps: Deps, actor: Actor, input: DuplicateCheckInput) {
  if (!can(actor, 'order.create') && !can(actor, 'order.link')) throw forbidden();
  // The operator usually types the caller's phone first: a phone (or an address) alone is a valid probe.
  const probes = [input.title, input.content, input.callerPhone ?? '', input.address ?? ''];
  if (probes.every((p) => p.trim() === '')) throw invalidField('content');
  // A typed phone tests it against the centre's callers: the phone look-up's guard and log apply.
  await guardPhoneLookup(deps, actor, input.callerPhone);
  // The pin placed at intake, in the map's system: a point needs both halves.
  if ((input.lat === undefined) !== (input.lng === undefined)) throw invalidField(input.lat === undefined ? 'lat' : 'lng');
  const point =
    input.lat !== undefined && input.lng !== undefined ? toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem) : null;
  const candidates = await findDuplicates(deps.db, deps.clock, {
    centreId: actor.centreId,
    scope: actorScope(actor),
    probe: { ...input, point },
    at: deps.clock.now(),
    limit: input.limit ?? 5,
  });
  if (input.callerPhone) {
    const orderIds = candidates.map((c) => c.orderId);
    await logPhoneLookup(deps.db, {
      userId: actor.userId,
      orderIds,
      at: deps.clock.now(),
      purpose: 'duplicates.check.callerPhone',
    });
  }
  return { candidates };
}
