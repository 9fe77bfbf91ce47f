import type { OutboxHandler } from '../worker/outbox-handlers.js';
import { signWebhook } from '../webhooks/webhook-signature.js';

/**
 * POSTs one notification as JSON to LIANXIN_WEBHOOK_URL. A non-2xx answer, a network error or a
 * timeout throws, so the dispatcher retries with exponential backoff (10 s, 20 s, … up to 30 min,
 * 12 attempts). The receiver de-duplicates by the X-Lianxin-Delivery header (the outbox id). With
 * LIANXIN_WEBHOOK_SECRET set it is signed exactly as the API clients' webhooks are (ADR 0182).
 */
export const webhookHandler: OutboxHandler<'webhook.deliver'> = {
  topic: 'webhook.deliver',
  maxAttempts: 12,
  baseDelayMs: 10_000,
  maxDelayMs: 30 * 60_000,
  async run(deps, payload, message) {
    const url = deps.config.webhookUrl;
    if (!url) return; // switched off since the message was queued
    const body = JSON.stringify({ id: message.id, ...payload });
    const secret = deps.config.webhookSecret;
    const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-lianxin-event': payload.event,
        'x-lianxin-delivery': String(message.id),
        ...(secret && { 'x-lianxin-timestamp': timestamp, 'x-lianxin-signature': signWebhook(secret, timestamp, body) }),
      },
      body,
      signal: AbortSignal.timeout(deps.config.webhookTimeoutMs),
    });
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
  },
};
