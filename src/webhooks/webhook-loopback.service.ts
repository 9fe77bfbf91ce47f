import type { Deps } from '../shared/deps.js';
import { findWebhookSecret } from './client-webhook.repository.js';
import { verifyWebhook, type WebhookCheck } from './webhook-signature.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The server's own receiver (ADR 0182): what any receiver does, done here so the demo's subscription
 * has somewhere real to deliver and an installation can check its signing end to end. It keeps
 * nothing: a delivery signed by the subscription it names, within five minutes, is accepted.
 */
export async function checkLoopbackDelivery(
  deps: Deps,
  input: { webhookId: string | undefined; raw: string; timestamp: string | undefined; signature: string | undefined },
): Promise<WebhookCheck> {
  const id = input.webhookId ?? '';
  if (!UUID.test(id)) return { ok: false, reason: 'missing' };
  const secret = await findWebhookSecret(deps.db, id);
  if (!secret) return { ok: false, reason: 'missing' };
  return verifyWebhook({
    secret,
    body: input.raw,
    timestamp: input.timestamp,
    signature: input.signature,
    nowMs: deps.clock.now().getTime(),
  });
}
