import { findCentre } from '../org/unit.repository.js';
import { findCategory, findRegion } from '../org/catalog.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { insertOrderEvent } from './order-event.repository.js';
import { formatOrderNo, newQueryCode, orderDay } from './order-number.js';
import type { NewOrderInput } from './order.schemas.js';
import { findOrder, insertOrder, nextOrderSequence } from './order.repository.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import { runTransitionHooks } from './transition-hooks.js';
import type { Order } from '../db/schema.js';
import type { Executor } from '../db/database.js';
import type { Clock } from '../shared/clock.js';

const blankToNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

/** 受理: records an appeal as a new order in state `accepted`, numbered per centre and day. */
export async function acceptOrder(deps: Deps, actor: Actor, input: NewOrderInput): Promise<Order> {
  return deps.db.transaction().execute((tx) => acceptOrderInTransaction(tx, deps.clock, actor, input));
}

/**
 * The same intake inside a caller's transaction, for callers that must store more with the order
 * atomically (the citizen portal stores the photos with it).
 */
export async function acceptOrderInTransaction(tx: Executor, clock: Clock, actor: Actor, input: NewOrderInput): Promise<Order> {
  if (actor.kind === 'user' && !can(actor, 'order.create')) throw forbidden();
  if (input.title.trim() === '') throw invalidField('title');
  if (input.content.trim() === '') throw invalidField('content');
  const centre = await findCentre(tx, actor.centreId);
  if (!centre) throw notFound('unit');
  if (input.categoryId) {
    // A disabled category is not offered for new orders; orders recorded before keep theirs.
    const category = await findCategory(tx, centre.id, input.categoryId);
    if (!category) throw invalidField('categoryId');
    if (!category.active) throw invalidField('categoryId', 'inactive');
  }
  if (input.regionId && !(await findRegion(tx, centre.id, input.regionId))) throw invalidField('regionId');
  const at = clock.now();
  const day = orderDay(at, centre.timezone);
  const seq = await nextOrderSequence(tx, centre.id, day);
  const order = await insertOrder(tx, {
    centre_id: centre.id,
    order_no: formatOrderNo(day, seq),
    query_code: newQueryCode(),
    channel: input.channel,
    source_number: blankToNull(input.sourceNumber),
    appeal_type: input.appealType,
    category_id: input.categoryId ?? null,
    priority: input.priority,
    title: input.title.trim(),
    content: input.content.trim(),
    caller_name: blankToNull(input.callerName),
    caller_phone: blankToNull(input.callerPhone),
    caller_confidential: input.callerConfidential ?? false,
    region_id: input.regionId ?? null,
    address: blankToNull(input.address),
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    state: 'accepted',
    created_by: actor.userId,
    accepted_at: at,
    updated_at: at,
  });
  await insertOrderEvent(tx, {
    order_id: order.id,
    centre_id: centre.id,
    action: 'accept',
    from_state: null,
    to_state: 'accepted',
    actor_user_id: actor.userId,
    actor_unit_id: actor.unitId,
    actor_label: actor.label,
    at,
    note: null,
    payload: JSON.stringify({ channel: input.channel, appealType: input.appealType, priority: input.priority }),
  });
  await enqueueOutbox(tx, { topic: 'order.accepted', payload: { orderId: order.id }, at });
  await runTransitionHooks({ tx, clock, before: null, after: order, action: 'accept', actor, payload: {}, at });
  // Hooks may update derived columns (e.g. the deadline summary), so return the row as committed.
  return (await findOrder(tx, { centreId: order.centre_id, unitPath: null }, order.id)) ?? order;
}
