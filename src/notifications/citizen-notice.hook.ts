import type { CitizenEvent } from '../contract/citizen-notices.js';
import type { Channel } from '../contract/vocabulary.js';
import type { Order } from '../db/schema.js';
import type { NewOutboxMessage } from '../outbox/outbox-topics.js';
import type { CompanionRow, IntakeHook, TransitionHook } from '../orders/order-hooks.js';
import type { NewOrderInput } from '../orders/order.schemas.js';

/** Channels whose intake is the citizen's own submission: they hear 诉求已收到 instead of the 受理回执. */
const SELF_SUBMITTED: readonly Channel[] = ['web', 'open_api'];

/** One citizen event of an order, at most once per order and event (the dedupe key). */
export const citizenEvent = (order: Pick<Order, 'id' | 'centre_id'>, event: CitizenEvent): NewOutboxMessage => ({
  topic: 'citizen.event',
  payload: { centreId: order.centre_id, orderId: order.id, event, key: `${order.id}:${event}` },
  dedupeKey: `citizen.event:${order.id}:${event}`,
});

/** The caller's contact and consent given at intake, as its row (none when the intake gave none). */
function contactRow(order: Order, given: NewOrderInput['citizenContact'], at: Date): CompanionRow[] {
  if (!given) return [];
  const email = given.email?.trim().toLowerCase() || null;
  const values = {
    order_id: order.id,
    email,
    lang: given.lang ?? 'zh',
    consent: given.consent ? [...new Set(given.consent)] : null,
    sms_consent: given.sms ?? null,
    updated_at: at,
  };
  return [{ table: 'citizen_contacts', values }];
}

/**
 * Intake: the 受理回执 (or 诉求已收到 for portal and open-API submissions) in the intake's own outbox
 * statement, and the caller's contact and consent (`citizenContact`) in the same statement as the order,
 * so the receipt is composed knowing them (ADR 0013: one write).
 */
export const citizenNoticeIntakeHook: IntakeHook = async ({ input, at }) => ({
  companions: (order) => ({
    rows: contactRow(order, input.citizenContact, at),
    outbox: [citizenEvent(order, (SELF_SUBMITTED as readonly string[]).includes(order.channel) ? 'received' : 'accepted')],
  }),
});

/** Transitions: the first dispatch, the unit's reply, the close (whatever closed it). */
export const citizenNoticeTransitionHook: TransitionHook = async (ctx) => {
  if (ctx.action === 'dispatch' && ctx.before.state === 'accepted') ctx.outbox.push(citizenEvent(ctx.after, 'dispatched'));
  if (ctx.action === 'reply') ctx.outbox.push(citizenEvent(ctx.after, 'replied'));
  if (ctx.after.state === 'closed' && ctx.before.state !== 'closed') ctx.outbox.push(citizenEvent(ctx.after, 'closed'));
};
