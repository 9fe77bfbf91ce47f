import type {
  ClientWebhookView,
  WebhookDeliveryEvent,
  WebhookDeliveryView,
  WebhookEvent,
  WebhookOutcome,
  WebhookPauseReason,
} from '../contract/client-webhooks.js';
import type { ClientWebhook, ClientWebhookDelivery } from './client-webhook.table.js';

/** A subscription without its secret: the secret is in the answer of create and rotate only. */
export const presentWebhook = (w: ClientWebhook): ClientWebhookView<Date> => ({
  id: w.id,
  clientId: w.client_id,
  url: w.url,
  events: w.events as WebhookEvent[],
  description: w.description,
  createdAt: w.created_at,
  pausedAt: w.paused_at,
  pauseReason: w.pause_reason as WebhookPauseReason | null,
  consecutiveFailures: w.consecutive_failures,
  lastAttemptAt: w.last_attempt_at,
  lastStatusCode: w.last_status_code,
});

export const presentDelivery = (d: ClientWebhookDelivery): WebhookDeliveryView<Date> => ({
  id: Number(d.id),
  deliveryId: d.delivery_id,
  event: d.event as WebhookDeliveryEvent,
  orderId: d.order_id,
  attempt: d.attempt,
  outcome: d.outcome as WebhookOutcome,
  statusCode: d.status_code,
  durationMs: d.duration_ms,
  error: d.error,
  at: d.at,
});
