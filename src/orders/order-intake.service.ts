import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import type { NewOutboxMessage } from '../outbox/outbox.repository.js';
import type { Clock } from '../shared/clock.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { runIntakeHooks, type OrderDeps, type OrderHooks } from './order-hooks.js';
import { newQueryCode, orderDay } from './order-number.js';
import type { NewOrderInput } from './order.schemas.js';
import { findIntakeReferences, insertNewOrderRows, insertNumberedOrder } from './order.repository.js';
import { normalizePhone } from './phone.js';
import { blankToNull } from '../shared/optional-text.js';
import { orderEventRow } from './timeline-events.js';
import { toWgs84 } from '../shared/coordinates.js';

/** The point as stored: WGS-84, converted from the request's `coordSystem`; a half point as given. */
function storedPoint(input: NewOrderInput): { lat: number | null; lng: number | null } {
  if (input.lat === undefined || input.lng === undefined) return { lat: input.lat ?? null, lng: input.lng ?? null };
  return toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem ?? 'wgs84');
}

/** 受理: records an appeal as a new order in state `accepted`, numbered per centre and day. */
export async function acceptOrder(deps: OrderDeps, actor: Actor, input: NewOrderInput): Promise<Order> {
  return deps.db
    .transaction()
    .execute((tx) => acceptOrderInTransaction({ tx, clock: deps.clock, hooks: deps.orderHooks }, actor, input));
}

/** What intake needs inside a caller's transaction. */
export interface IntakeTransaction {
  readonly tx: Executor;
  readonly clock: Clock;
  readonly hooks: OrderHooks;
}

/**
 * The same intake inside a caller's transaction, for callers that must store more with the order
 * atomically (the citizen portal stores the photos with it).
 *
 * Round trips are few on purpose (ADR 0013): one read (centre, category, region); the intake hooks
 * compute their columns (search lexemes, deadline summary) concurrently; the day's number and the
 * order row, written once, in one statement; one statement for the timeline event, the hooks'
 * companion rows (the deadline) and the outbox messages. Duplicate detection runs after commit.
 */
export async function acceptOrderInTransaction(
  { tx, clock, hooks }: IntakeTransaction,
  actor: Actor,
  input: NewOrderInput,
): Promise<Order> {
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
  const contributed = await runIntakeHooks(hooks, {
    tx,
    clock,
    actor,
    at,
    draft: { ...text, ...facts, region_id: input.regionId ?? null },
    input,
    centre: {
      settingsVersion: centre.settings_version,
      catalogueVersion: Number(centre.catalogue_version),
      gridVersion: centre.grid_version,
      routeToSubCentres: centre.route_to_sub_centres,
      categoryPath: centre.category?.path ?? null,
    },
  });
  const order = await insertNumberedOrder(tx, day, {
    ...text,
    ...facts,
    ...contributed.columns,
    query_code: newQueryCode(),
    channel: input.channel,
    source_number: blankToNull(input.sourceNumber),
    caller_name: blankToNull(input.callerName),
    caller_phone: normalizePhone(input.callerPhone),
    caller_confidential: input.callerConfidential ?? false,
    region_id: input.regionId ?? null,
    // Stored in WGS-84 (ADR 0185): a GCJ-02 / BD-09 point is converted on the way in.
    ...storedPoint(input),
    state: 'accepted',
    created_by: actor.userId,
    api_client_id: actor.apiClientId ?? null,
    accepted_at: at,
    updated_at: at,
  });
  const companions = contributed.companions(order);
  const outbox: NewOutboxMessage[] = [{ topic: 'order.accepted', payload: { orderId: order.id } }, ...companions.outbox];
  await insertNewOrderRows(tx, {
    event: orderEventRow(order, {
      kind: 'accept',
      by: actor,
      at,
      fromState: null,
      toState: 'accepted',
      payload: { channel: input.channel, appealType: input.appealType, priority: input.priority, ...contributed.eventFacts },
    }),
    companions: companions.rows,
    outbox,
    at,
  });
  return order;
}
