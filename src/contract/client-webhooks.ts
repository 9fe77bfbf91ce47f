/**
 * Signed webhooks for outside systems (issue 17, ADR 0182): an API client with the `webhooks` scope
 * subscribes URLs to the progress events of the appeals it submitted itself.
 */

/**
 * The events, most specific first: one step of an order gives each subscription the FIRST of its
 * candidate events the subscription asked for, so one step is one delivery per subscription.
 * `order.status_changed` is every public step that changed the order's state (the catch-all).
 */
export const WEBHOOK_EVENTS = [
  'order.accepted',
  'order.dispatched',
  'order.replied',
  'order.closed',
  'order.rated',
  'order.status_changed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a delivery can carry: an event, or the administrator's test ping. */
export type WebhookDeliveryEvent = WebhookEvent | 'ping';

export const WEBHOOK_EVENT_LABELS: Readonly<Record<WebhookDeliveryEvent, { zh: string; en: string }>> = {
  'order.accepted': { zh: '已受理', en: 'Accepted' },
  'order.dispatched': { zh: '已派单', en: 'Dispatched' },
  'order.replied': { zh: '已答复', en: 'Replied' },
  'order.closed': { zh: '已办结', en: 'Closed' },
  'order.rated': { zh: '已评价（回访）', en: 'Rated (return visit)' },
  'order.status_changed': { zh: '状态变化', en: 'Status changed' },
  ping: { zh: '测试推送', en: 'Test ping' },
};

/** Why a subscription is paused: too many consecutive failed attempts, or by the administrator. */
export type WebhookPauseReason = 'failures' | 'admin';
export type WebhookOutcome = 'delivered' | 'failed' | 'skipped';

export interface ClientWebhookView<At = string> {
  id: string;
  clientId: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  createdAt: At;
  pausedAt: At | null;
  pauseReason: WebhookPauseReason | null;
  consecutiveFailures: number;
  lastAttemptAt: At | null;
  lastStatusCode: number | null;
}

export interface ClientWebhookListView<At = string> {
  webhooks: ClientWebhookView<At>[];
  /** The client holds the `webhooks` scope (without it nothing is subscribed or sent). */
  scopeGranted: boolean;
  /** Consecutive failed attempts that pause a subscription (LIANXIN_WEBHOOK_PAUSE_AFTER). */
  pauseAfterFailures: number;
}

/** A subscription as created, or a rotated secret: `secret` is shown this once. */
export interface ClientWebhookWithSecret<At = string> {
  webhook: ClientWebhookView<At>;
  secret: string;
}

export interface WebhookDeliveryView<At = string> {
  id: number;
  /** The X-Lianxin-Delivery header: the same for every attempt of one delivery (the receiver's idempotency key). */
  deliveryId: string;
  event: WebhookDeliveryEvent;
  orderId: string | null;
  attempt: number;
  outcome: WebhookOutcome;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  at: At;
}

export interface WebhookDeliveryListView<At = string> {
  deliveries: WebhookDeliveryView<At>[];
}

export interface NewClientWebhookInput {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

export type ClientWebhookChanges = Partial<NewClientWebhookInput>;
