import type { VisitLinkListView, VisitLinkState, VisitLinkView } from '../contract/visits.js';
import type { Order } from '../db/schema.js';
import { effectiveNoticeSettings } from '../notifications/citizen-notice-settings.js';
import { findCentreForNotice, findContact, optedOutAddresses } from '../notifications/citizen-notice.repository.js';
import { lockOrders } from '../orders/order.repository.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { normalizePhone } from '../orders/phone.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { TRANSITIONS } from '../orders/order-transitions.js';
import { hasReturnVisit } from '../orders/order-extras.repository.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../shared/deps.js';
import { centreTimeZone, formatLocal } from '../shared/time-zone.js';
import { domainError, forbidden } from '../shared/errors.js';
import { actorScope } from '../users/actor-scope.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { findLiveLink, insertVisitLink, listVisitLinks } from './visit-link.repository.js';
import { hashVisitToken, newVisitToken, visitLinkUrl } from './visit-link-token.js';

const HOUR_MS = 3_600_000;

/** The roles that make return visits are those the lifecycle table lets close one (回访办结). */
export const VISIT_ROLES = TRANSITIONS.visit_close.roles;

export const mustVisit = (actor: Actor) => {
  if (!hasAnyRole(actor, VISIT_ROLES)) throw forbidden();
};

/** 待回访, or a 直办 order closed without its one visit yet (ADR 0202); `awaitingVisit` is the SQL form. */
export async function awaitsVisit(db: Executor, order: Order): Promise<boolean> {
  if (order.state === 'visiting') return true;
  return order.state === 'closed' && order.handled_directly && !(await hasReturnVisit(db, order.id));
}

/** A number an SMS can reach: a mainland mobile (11 digits, 1…). */
const mobileOf = (phone: string | null) => {
  const digits = normalizePhone(phone);
  return digits && /^1\d{10}$/.test(digits) ? digits : null;
};

const refused = (key: Parameters<typeof domainError>[1], reason: string, vars: Record<string, string> = {}) =>
  domainError('CONFLICT', key, vars, { reason });

/**
 * Refuses (409, with a `reason`) a link that may not go to this caller now — the same rules the
 * notice itself would be skipped by (citizen-notice-compose.service.ts), checked first so the desk
 * hears them — and answers the hours the link lives.
 */
async function linkHoursFor(tx: Executor, order: Order, at: Date): Promise<number> {
  if (!(await awaitsVisit(tx, order))) throw refused('visitLink.notAwaiting', 'not_awaiting');
  const phone = mobileOf(order.caller_phone);
  if (!phone) throw refused('visitLink.noPhone', 'no_phone');
  const settings = await effectiveNoticeSettings(tx, order.centre_id);
  if (!settings.events.includes('visit_invite')) throw refused('visitLink.eventOff', 'event_off');
  if ((await optedOutAddresses(tx, order.centre_id, [phone])).size > 0) throw refused('visitLink.optedOut', 'opted_out');
  const contact = await findContact(tx, order.id);
  if (contact?.sms_consent === false) throw refused('visitLink.smsDeclined', 'sms_declined');
  const consent = contact?.consent ?? null;
  if (consent ? !consent.includes('visit_invite') : order.caller_confidential) throw refused('visitLink.notAgreed', 'not_agreed');
  // One invitation at a time: a second SMS while the first is live would only confuse (ADR 0202).
  const live = await findLiveLink(tx, order.id, at);
  if (live) {
    const zone = centreTimeZone((await findCentreForNotice(tx, order.centre_id))?.timezone);
    throw refused('visitLink.live', 'live', { until: formatLocal(new Date(live.expires_at), zone) });
  }
  return settings.visitLinkHours;
}

/**
 * 发送回访短信: a one-time link for the order's caller, in ONE transaction with its timeline step and
 * the `visit_invite` notice (outbox → SMS through the notice pipeline, or held on the staff outbox page
 * when no gateway is configured). The token leaves only in the notice; the database keeps its hash.
 */
export async function sendVisitLink(deps: Deps, actor: Actor, orderRef: string): Promise<VisitLinkView<Date>> {
  return (await issueVisitLink(deps, actor, orderRef)).view;
}

/** sendVisitLink, also answering the token (the demo opens its own links; nothing else may see one). */
export async function issueVisitLink(
  deps: Deps,
  actor: Actor,
  orderRef: string,
): Promise<{ view: VisitLinkView<Date>; token: string }> {
  mustVisit(actor);
  const seen = await loadVisibleOrder(deps, actor, orderRef);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    // The order's row lock: two desks sending at once queue here, and the second sees the first's link.
    const [order] = await lockOrders(tx, seen.centre_id, [seen.id]);
    const hours = await linkHoursFor(tx, order!, at);
    const token = newVisitToken();
    const link = await insertVisitLink(tx, {
      centreId: order!.centre_id,
      orderId: order!.id,
      tokenHash: hashVisitToken(token),
      by: actor.userId,
      at,
      expiresAt: new Date(at.getTime() + hours * HOUR_MS),
    });
    await recordOrderEvent(tx, order!, {
      kind: 'visit_link_sent',
      by: actor,
      at,
      payload: { linkId: link.id, expiresAt: new Date(link.expires_at).toISOString() },
    });
    await enqueueOutbox(
      tx,
      [
        {
          topic: 'citizen.event',
          payload: {
            centreId: order!.centre_id,
            orderId: order!.id,
            event: 'visit_invite',
            key: `visit_link:${link.id}`,
            vars: { link: visitLinkUrl(deps.settings.publicUrl, token) },
          },
          dedupeKey: `citizen.event:visit_link:${link.id}`,
        },
      ],
      at,
    );
    return { view: presentLink({ ...link, order_no: order!.order_no, sent_by: actor.label }, at), token };
  });
}

/** The state the desk reads off a link at `at`. */
export function linkState(l: { used_at: Date | null; fell_back_at: Date | null; expires_at: Date }, at: Date): VisitLinkState {
  if (l.used_at) return 'answered';
  if (l.fell_back_at) return 'fell_back';
  return new Date(l.expires_at).getTime() <= at.getTime() ? 'expired' : 'sent';
}

type LinkRow = Awaited<ReturnType<typeof listVisitLinks>>[number];

function presentLink(l: Omit<LinkRow, 'order_id'> & { order_id: string }, at: Date): VisitLinkView<Date> {
  return {
    id: l.id,
    orderId: l.order_id,
    orderNo: l.order_no,
    state: linkState(l, at),
    sentAt: l.created_at,
    expiresAt: l.expires_at,
    usedAt: l.used_at,
    fellBackAt: l.fell_back_at,
    sentBy: l.sent_by,
  };
}

/** The 回访 desk's recent links (or one order's), newest first. */
export async function listVisitLinksFor(
  deps: Deps,
  actor: Actor,
  q: { limit?: number; orderId?: string },
): Promise<VisitLinkListView<Date>> {
  mustVisit(actor);
  const at = deps.clock.now();
  const rows = await listVisitLinks(deps.db, actorScope(actor), { limit: q.limit ?? 100, orderId: q.orderId });
  return { items: rows.map((r) => presentLink(r, at)) };
}
