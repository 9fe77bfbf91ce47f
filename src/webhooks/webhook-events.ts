import { STATE_LABELS } from '../contract/labels.js';
import { WEBHOOK_EVENTS, type WebhookDeliveryEvent, type WebhookEvent } from '../contract/client-webhooks.js';
import type { OrderAction, OrderState } from '../contract/vocabulary.js';
import type { Order } from '../db/schema.js';
import { text, type MessageKey } from '../i18n/messages.js';
import { openOrClosed } from '../open311/open311-requests.service.js';
import { PUBLIC_STEPS } from '../portal/portal.presenter.js';

/** One step of an order as the webhook sees it: intake ('accept') or a transition. */
export interface OrderStep {
  readonly action: OrderAction | 'accept';
  /** null at intake. */
  readonly before: OrderState | null;
  readonly after: Pick<Order, 'id' | 'order_no' | 'state' | 'api_client_id' | 'caller_confidential'>;
}

const RATINGS: readonly string[] = ['visit_close', 'visit_rehandle', 'visit_check'];
const isPublicStep = (action: string) => (PUBLIC_STEPS as readonly string[]).includes(action);

/**
 * The events one step is, most specific first (the contract's order): a subscription gets the first
 * of them it asked for, so one step is at most one delivery per subscription. A confidential appeal
 * is never told (Open311 does not list it either), nor an order no client submitted.
 */
export function eventCandidates(step: OrderStep): WebhookEvent[] {
  const { action, before, after } = step;
  if (!after.api_client_id || after.caller_confidential) return [];
  const closedNow = openOrClosed(after.state) === 'closed' && (before === null || openOrClosed(before) === 'open');
  const applies: Record<WebhookEvent, boolean> = {
    'order.accepted': action === 'accept',
    'order.dispatched': action === 'dispatch' && before === 'accepted',
    'order.replied': action === 'reply',
    'order.closed': closedNow,
    'order.rated': RATINGS.includes(action),
    'order.status_changed': isPublicStep(action) && before !== after.state,
  };
  return WEBHOOK_EVENTS.filter((e) => applies[e]);
}

/** The first candidate the subscription asked for, if any. */
export const eventFor = (candidates: readonly WebhookEvent[], subscribed: readonly string[]) =>
  candidates.find((e) => subscribed.includes(e));

const iso = (d: Date) => d.toISOString();

/**
 * The delivery's JSON: public progress only, in Open311's words (service_request_id, status
 * open/closed, status_notes) — never the caller, the appeal's text or the reply's (ADR 0182).
 */
export function progressBody(
  deliveryId: string,
  event: WebhookEvent,
  step: OrderStep,
  facts: { at: Date; agency: string | null },
): Record<string, unknown> {
  const state = step.after.state;
  const words = isPublicStep(step.action)
    ? text(`portal.step.${step.action}` as MessageKey, { unit: facts.agency ?? '' }).zh
    : STATE_LABELS[state].zh;
  return {
    id: deliveryId,
    event,
    created_at: iso(facts.at),
    data: {
      service_request_id: step.after.order_no,
      status: openOrClosed(state),
      state,
      previous_state: step.before,
      status_notes: STATE_LABELS[state].zh,
      step: step.action,
      description: words,
      agency_responsible: facts.agency,
      updated_datetime: iso(facts.at),
    },
  };
}

/** The administrator's test ping: nothing about any order. */
export const pingBody = (deliveryId: string, webhookId: string, at: Date): Record<string, unknown> => ({
  id: deliveryId,
  event: 'ping' satisfies WebhookDeliveryEvent,
  created_at: iso(at),
  data: { webhook_id: webhookId, description: '连心桥测试推送 / lianxin test ping' },
});
