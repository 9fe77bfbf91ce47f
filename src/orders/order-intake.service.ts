import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { newQueryCode, orderDay } from './order-number.js';
import type { NewOrderInput } from './order.schemas.js';
import { findIntakeReferences, findOrder, insertNewOrderRows, insertNumberedOrder } from './order.repository.js';
import { outboxRow, type NewOutboxMessage } from '../outbox/outbox.repository.js';
import { runTransitionHooks } from './transition-hooks.js';
import type { Order } from '../db/schema.js';
import type { Executor } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { newOrderSearchVector } from '../search/search.service.js';
import { loadTimelimitContext } from '../timelimits/timelimit-context.js';
import { planIntakeDeadline } from '../timelimits/deadline.service.js';
import { normalizePhone } from './phone.js';

const blankToNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

/** 受理: records an appeal as a new order in state `accepted`, numbered per centre and day. */
export async function acceptOrder(deps: Deps, actor: Actor, input: NewOrderInput): Promise<Order> {
  return deps.db.transaction().execute((tx) => acceptOrderInTransaction(tx, deps.clock, actor, input));
}

/**
 * The same intake inside a caller's transaction, for callers that must store more with the order
 * atomically (the citizen portal stores the photos with it).
 *
 * Round trips are few on purpose (ADR 0013): one read (centre, category, region); the day's number
 * and the order row, written once with its search lexemes and deadline summary, in one statement; one
 * statement for the timeline event, the deadline row and the outbox messages. Duplicate detection
 * runs after commit.
 */
export async function acceptOrderInTransaction(tx: Executor, clock: Clock, actor: Actor, input: NewOrderInput): Promise<Order> {
  if (actor.kind === 'user' && !can(actor, 'order.create')) throw forbidden();
  if (input.title.trim() === '') throw invalidField('title');
  if (input.content.trim() === '') throw invalidField('content');
  const centre = await findIntakeReferences(tx, actor.centreId, { categoryId: input.categoryId, regionId: input.regionId });
  if (!centre) throw notFound('unit');
  if (input.categoryId) {
    if (!centre.category) throw invalidField('categoryId');
    // A disabled category is not offered for new orders; orders recorded before keep theirs.
    if (!centre.category.active) throw invalidField('categoryId', 'inactive');
  }
  if (input.regionId && !centre.region_found) throw invalidField('regionId');
  const at = clock.now();
  const day = orderDay(at, centre.timezone);
  const text = {
    centre_id: centre.id,
    title: input.title.trim(),
    content: input.content.trim(),
    address: blankToNull(input.address),
  };
  const facts = {
    centre_id: centre.id,
    category_id: input.categoryId ?? null,
    appeal_type: input.appealType,
    priority: input.priority,
  };
  const [timelimits, searchVector] = await Promise.all([
    loadTimelimitContext(tx, facts, { settingsVersion: centre.settings_version, categoryPath: centre.category?.path ?? null }),
    newOrderSearchVector(tx, clock, text),
  ]);
  const deadline = planIntakeDeadline(timelimits, at);
  const order = await insertNumberedOrder(tx, day, {
    ...text,
    ...facts,
    ...deadline.summary,
    query_code: newQueryCode(),
    channel: input.channel,
    source_number: blankToNull(input.sourceNumber),
    caller_name: blankToNull(input.callerName),
    caller_phone: normalizePhone(input.callerPhone),
    caller_confidential: input.callerConfidential ?? false,
    region_id: input.regionId ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    state: 'accepted',
    created_by: actor.userId,
    accepted_at: at,
    updated_at: at,
    search_vector: searchVector,
  });
  const outbox: NewOutboxMessage[] = [{ topic: 'order.accepted', payload: { orderId: order.id } }];
  const hooksUpdatedOrder = await runTransitionHooks({
    tx,
    clock,
    before: null,
    after: order,
    action: 'accept',
    actor,
    payload: {},
    at,
    outbox,
  });
  await insertNewOrderRows(tx, {
    event: {
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
    },
    deadline: deadline.rowFor(order),
    outbox: outbox.map((m) => outboxRow(m, at)),
  });
  if (!hooksUpdatedOrder) return order;
  // A hook changed derived columns of the new order: return the row as committed.
  return (await findOrder(tx, { centreId: order.centre_id, unitPath: null }, order.id)) ?? order;
}
