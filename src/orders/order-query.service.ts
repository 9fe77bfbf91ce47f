import { ORDER_COUNT_CAP } from '../contract/orders.js';
import type { AssignmentView, OrderDetailView, OrderLinkView, OrderListView, TimelineView } from '../contract/orders.js';
import type { TimelineEventKind } from '../contract/timeline.js';
import type { Order } from '../db/schema.js';
import { findUnit } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { bucketRule, spendBucketToken } from '../shared/rate-bucket.js';
import { requirePiiKeyring } from '../db/pii-columns.plugin.js';
import { refundBucketToken, takeBucketToken } from '../shared/rate-bucket.repository.js';
import type { OrderDeps } from './order-hooks.js';
import { forbidden, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { isUnitScoped, type Actor } from '../users/roles.js';
import { listAssignments } from './order-assignment.repository.js';
import { listOrderEvents } from './order-event.repository.js';
import { listOrderLinks } from './order-extras.repository.js';
import { logPhoneLookup, logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { actorDesk, actorScope } from '../users/actor-scope.js';
import { availableActions, isComplexMatter } from './order-transitions.js';
import type { OrderState } from './order.constants.js';
import { presentOrder } from './order.presenter.js';
import { countListedOrders, findOrderByIdOrNo, listOrders, type OrderListFilter } from './order.repository.js';
import type { OrderListQuery } from './order.schemas.js';
import { normalizePhone } from './phone.js';
import { isInSubtree } from '../shared/subtree.js';
import { listOpenHops } from './order-hop.repository.js';
import { bottomHop, FORWARDABLE_STATES } from './forward.effects.js';

/** Finds an order by id or by its number, within what the actor may see (else 404). */
export async function loadVisibleOrder(deps: Deps, actor: Actor, idOrNo: string): Promise<Order> {
  if (!can(actor, 'order.read')) throw forbidden();
  const scope = actorScope(actor);
  const order = await findOrderByIdOrNo(deps.db, scope, idOrNo);
  if (!order) throw notFound('order');
  return order;
}

/**
 * Centre intake/dispatch/supervision roles need the caller's identity; so does the lead unit unless
 * confidential, and a sub-unit the order is forwarded to while it holds it (it contacts the citizen).
 */
function mayUnmask(actor: Actor, order: Order, unitPaths: readonly string[]): boolean {
  if (can(actor, 'pii.read')) return true;
  const inUnit = actor.unitPath !== null && unitPaths.some((p) => isInSubtree(p, actor.unitPath!));
  return actor.roles.includes('unit_handler') && inUnit && !order.caller_confidential;
}

export async function getOrderDetail(deps: OrderDeps, actor: Actor, idOrNo: string): Promise<OrderDetailView<Date>> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const [lead, desk] = await Promise.all([
    order.lead_unit_id ? findUnit(deps.db, order.centre_id, order.lead_unit_id) : undefined,
    order.desk_unit_id ? findUnit(deps.db, order.centre_id, order.desk_unit_id) : undefined,
  ]);
  const openHops = FORWARDABLE_STATES.includes(order.state) ? await listOpenHops(deps.db, order.id) : [];
  const holding = openHops.filter((h) => h.state !== 'replied').map((h) => h.to_unit_path);
  const unmasked = mayUnmask(actor, order, [...(lead ? [lead.path] : []), ...holding]);
  const now = deps.clock.now();
  if (unmasked && (order.caller_name || order.caller_phone)) {
    await logPiiAccess(deps.db, {
      userId: actor.userId,
      orderId: order.id,
      fields: ['caller_name', 'caller_phone'],
      purpose: 'order.detail',
      at: now,
    });
  }
  const { detail } = deps.orderHooks;
  const [assignments, links, attachments, deadlines, enterprise, openApi, importRun] = await Promise.all([
    listAssignments(deps.db, order.id),
    listOrderLinks(deps.db, order.id),
    detail.attachments(deps.db, order.id),
    detail.deadlines(deps.db, order.id, now),
    detail.enterprise(deps.db, order.id, isUnitScoped(actor)),
    detail.openApiOrigin(deps.db, order),
    order.import_run_id ? detail.importRun(deps.db, order.import_run_id) : null,
  ]);
  return {
    order: presentOrder(order, { unmasked, now }),
    deadlines,
    leadUnitName: lead?.name ?? null,
    deskUnitName: desk?.name ?? null,
    assignments: assignments as AssignmentView<Date>[],
    links: links as OrderLinkView<Date>[],
    attachments,
    enterprise,
    origin: { ...openApi, importRun },
    availableActions: availableActions(
      {
        state: order.state as OrderState,
        leadUnitPath: lead?.path ?? null,
        clockPaused: order.clock_paused,
        deskUnitId: order.desk_unit_id,
        hop: bottomHop(openHops),
        complex: isComplexMatter(order),
        handledDirectly: order.handled_directly,
      },
      { ...actor, deskUnitId: actorDesk(actor) },
    ),
  };
}

export async function getOrderTimeline(deps: Deps, actor: Actor, idOrNo: string): Promise<TimelineView<Date>> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const events = await listOrderEvents(deps.db, order.id);
  // The stored action and states are held to the contract's vocabularies by the one writer of the timeline.
  return {
    orderId: order.id,
    orderNo: order.order_no,
    state: order.state as OrderState,
    events: events.map((e) => ({
      ...e,
      action: e.action as TimelineEventKind,
      from_state: e.from_state as OrderState | null,
      to_state: e.to_state as OrderState | null,
    })),
  };
}

/**
 * Looking orders up by the caller's number tests a number against masked ones (139****4321 is found
 * in a few dozen tries): it is reading personal data. Only for roles with pii.read, at most
 * PHONE_LOOKUP_RULE *different* numbers per person (a 429 after; the same number again within the hour
 * is free, as the intake desk re-checks the caller while the appeal is typed), and every use is
 * logged (`logPhoneLookup`) by the caller. The same guard covers every path that tests a phone: the
 * list, the CSV export, the intake's duplicate check.
 */
export const PHONE_LOOKUP_RULE = bucketRule(60, 3600);
const SAME_NUMBER_RULE = bucketRule(1, 3600);

export async function guardPhoneLookup(deps: Deps, actor: Actor, phone: string | null | undefined): Promise<void> {
  if (phone === undefined || phone === null || phone === '') return;
  if (!can(actor, 'pii.read')) throw forbidden('error.phoneFilterForbidden');
  const who = actor.userId ?? actor.label;
  // The number itself never goes into the bucket's key: its blind index does (ADR 0170).
  const seenKey = `phone-seen:${who}:${requirePiiKeyring(deps.db).blindIndex('phone', normalizePhone(phone) ?? phone)}`;
  const fresh = (await takeBucketToken(deps.db, seenKey, SAME_NUMBER_RULE, deps.clock.now())) !== undefined;
  if (!fresh) return;
  try {
    await spendBucketToken(deps, `phone:${who}`, PHONE_LOOKUP_RULE);
  } catch (error) {
    await refundBucketToken(deps.db, seenKey, SAME_NUMBER_RULE.capacity);
    throw error;
  }
}

export async function listOrdersFor(deps: Deps, actor: Actor, query: OrderListQuery): Promise<OrderListView<Date>> {
  if (!can(actor, 'order.read')) throw forbidden();
  await guardPhoneLookup(deps, actor, query.callerPhone);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const now = deps.clock.now();
  const where = listFilterFromQuery(query, now);
  const scope = actorScope(actor);
  const [{ rows, hasMore }, counted] = await Promise.all([
    listOrders(deps.db, scope, { ...where, limit, offset, sort: query.sort }),
    countListedOrders(deps.db, scope, where, ORDER_COUNT_CAP),
  ]);
  if (where.callerPhone) await logPhoneLookup(deps.db, { userId: actor.userId, orderIds: rows.map((o) => o.id), at: now });
  return {
    items: rows.map((o) => presentOrder(o, { unmasked: false, now })),
    limit,
    offset,
    hasMore,
    total: Math.min(counted, ORDER_COUNT_CAP),
    totalCapped: counted > ORDER_COUNT_CAP,
  };
}

/** The list query of the API as repository filters (shared with the CSV export). */
export function listFilterFromQuery(query: OrderListQuery, now?: Date): Omit<OrderListFilter, 'limit' | 'offset' | 'sort'> {
  return {
    states: query.state ? query.state.split(',') : undefined,
    leadUnitId: query.leadUnitId,
    callerPhone: normalizePhone(query.callerPhone) ?? undefined,
    escalated: query.escalated,
    warning: query.warning && now ? { level: query.warning, now } : undefined,
    text: query.q?.trim() || undefined,
    acceptedFrom: query.from ? new Date(query.from) : undefined,
    acceptedTo: query.to ? new Date(query.to) : undefined,
  };
}
