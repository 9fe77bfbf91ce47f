import type { MessageKey } from '../i18n/messages.js';
import { text } from '../i18n/messages.js';
import type { OutboxHandler } from '../worker/outbox-handlers.js';
import { findWebhookForDelivery, insertDelivery, recordAttempt } from './client-webhook.repository.js';
import { postSigned } from './webhook-sender.js';

const skippedBecause = (key: MessageKey) => {
  const t = text(key);
  return `${t.zh} / ${t.en}`;
};

/**
 * Sends one delivery of a client webhook (ADR 0182) and writes the attempt to the delivery log. A
 * failure throws, so the outbox retries it with backoff (10 s, 20 s, … up to 30 min, 12 attempts);
 * the attempt that makes `LIANXIN_WEBHOOK_PAUSE_AFTER` consecutive failures pauses the subscription,
 * and later messages for a paused subscription are logged as skipped (the client catches up through
 * Open311's servicerequestupdates once resumed). A test ping is one attempt, never retried, and
 * never counts toward the pause.
 */
export const clientWebhookHandler: OutboxHandler<'client.webhook'> = {
  topic: 'client.webhook',
  maxAttempts: 12,
  baseDelayMs: 10_000,
  maxDelayMs: 30 * 60_000,
  async run(deps, payload, message) {
    const hook = await findWebhookForDelivery(deps.db, payload.webhookId);
    if (!hook) return; // deleted since the step: nobody to send to
    const ping = payload.event === 'ping';
    const at = deps.clock.now();
    const row = {
      webhook_id: hook.id,
      delivery_id: payload.deliveryId,
      event: payload.event,
      order_id: payload.orderId,
      attempt: message.attempts,
      at,
    };
    const skip =
      !ping &&
      (hook.client_revoked_at || !hook.client_scopes.includes('webhooks')
        ? 'webhook.clientOff'
        : hook.paused_at
          ? 'webhook.paused'
          : null);
    if (skip) {
      const error = skippedBecause(skip);
      await insertDelivery(deps.db, { ...row, outcome: 'skipped', status_code: null, duration_ms: null, error });
      return;
    }
    const result = await postSigned(
      { url: hook.url, secret: hook.webhook_secret, webhookId: hook.id },
      { deliveryId: payload.deliveryId, event: payload.event, body: payload.body },
      { now: at, timeoutMs: deps.settings.webhookTimeoutMs },
    );
    await deps.db.transaction().execute(async (tx) => {
      await insertDelivery(tx, {
        ...row,
        outcome: result.ok ? 'delivered' : 'failed',
        status_code: result.statusCode,
        duration_ms: result.durationMs,
        error: result.error,
      });
      if (!ping) {
        const pauseAfter = deps.settings.webhookPauseAfterFailures;
        const { pausedNow } = await recordAttempt(tx, hook.id, { at, statusCode: result.statusCode, ok: result.ok, pauseAfter });
        if (pausedNow) deps.log(`client webhook ${hook.id} paused after ${pauseAfter} consecutive failures`);
      }
    });
    if (!result.ok && !ping) throw new Error(`webhook ${hook.url}: ${result.error}`);
  },
};
