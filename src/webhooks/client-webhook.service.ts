import { randomUUID } from 'node:crypto';
import type {
  ClientWebhookChanges,
  ClientWebhookListView,
  ClientWebhookView,
  ClientWebhookWithSecret,
  NewClientWebhookInput,
  WebhookDeliveryView,
} from '../contract/client-webhooks.js';
import { findApiClient } from '../apiclients/api-client.repository.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { Deps } from '../shared/deps.js';
import type { MessageKey } from '../i18n/messages.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { presentDelivery, presentWebhook } from './client-webhook.presenter.js';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  setWebhookPaused,
  updateWebhook,
} from './client-webhook.repository.js';
import { pingBody } from './webhook-events.js';
import { newWebhookSecret } from './webhook-signature.js';
import { MAX_WEBHOOK_URL, webhookUrlProblem } from './webhook-url.js';

type Target = { centreId: string; clientId: string };

/** The system administrator, as for the API clients themselves (ADR 0180); null = the machine's operator (CLI, demo). */
function authorize(actor: Actor | null) {
  if (actor && !can(actor, 'apiclient.manage')) throw forbidden();
}

/** The client, which must exist in the centre; `receiving`: it must also be able to receive (not revoked, scope held). */
async function clientOf(deps: Deps, t: Target, receiving: boolean) {
  const client = await findApiClient(deps.db, t.centreId, t.clientId);
  if (!client) throw notFound('apiClient');
  if (receiving && client.revoked_at) throw domainError('CONFLICT', 'apiClient.revoked');
  if (receiving && !client.scopes.includes('webhooks')) throw domainError('CONFLICT', 'webhook.noScope', {}, { field: 'scopes' });
  return client;
}

function checkedUrl(deps: Deps, raw: string): string {
  const url = raw.trim();
  const problem = webhookUrlProblem(url, deps.settings.webhookAllowHttp);
  // A message naming the field and what is wrong with it (not the generic 输入有误：url).
  if (problem)
    throw domainError('VALIDATION', `webhook.url.${problem}` as MessageKey, { max: MAX_WEBHOOK_URL }, { field: 'url' });
  return url;
}

function checkedEvents(events: readonly string[]): string[] {
  if (events.length === 0) throw invalidField('events');
  return [...new Set(events)];
}

async function webhookOf(deps: Deps, t: Target, id: string) {
  const row = await findWebhook(deps.db, t.clientId, id);
  if (!row) throw notFound('webhook');
  return row;
}

export async function listClientWebhooks(deps: Deps, actor: Actor | null, t: Target): Promise<ClientWebhookListView<Date>> {
  authorize(actor);
  const client = await clientOf(deps, t, false);
  return {
    webhooks: (await listWebhooks(deps.db, client.id)).map(presentWebhook),
    scopeGranted: client.scopes.includes('webhooks') && !client.revoked_at,
    pauseAfterFailures: deps.settings.webhookPauseAfterFailures,
  };
}

/** Subscribes a URL; the signing secret is in this answer only (stored sealed). */
export async function createClientWebhook(
  deps: Deps,
  actor: Actor | null,
  t: Target,
  input: NewClientWebhookInput,
): Promise<ClientWebhookWithSecret<Date>> {
  authorize(actor);
  await clientOf(deps, t, true);
  const secret = newWebhookSecret();
  const row = await insertWebhook(deps.db, {
    clientId: t.clientId,
    url: checkedUrl(deps, input.url),
    secret,
    events: checkedEvents(input.events),
    description: input.description?.trim() ?? '',
    at: deps.clock.now(),
  });
  return { webhook: presentWebhook(row), secret };
}

export async function changeClientWebhook(
  deps: Deps,
  actor: Actor | null,
  t: Target,
  id: string,
  changes: ClientWebhookChanges,
): Promise<ClientWebhookView<Date>> {
  authorize(actor);
  await clientOf(deps, t, true);
  await webhookOf(deps, t, id);
  const row = await updateWebhook(deps.db, t.clientId, id, {
    ...(changes.url !== undefined && { url: checkedUrl(deps, changes.url) }),
    ...(changes.events !== undefined && { events: checkedEvents(changes.events) }),
    ...(changes.description !== undefined && { description: changes.description.trim() }),
  });
  return presentWebhook(row!);
}

/** A new secret at once (the old one stops signing): in this answer only. */
export async function rotateWebhookSecret(deps: Deps, actor: Actor | null, t: Target, id: string) {
  authorize(actor);
  await clientOf(deps, t, false);
  await webhookOf(deps, t, id);
  const secret = newWebhookSecret();
  const row = await updateWebhook(deps.db, t.clientId, id, { webhook_secret: secret });
  return { webhook: presentWebhook(row!), secret } satisfies ClientWebhookWithSecret<Date>;
}

export async function deleteClientWebhook(deps: Deps, actor: Actor | null, t: Target, id: string): Promise<void> {
  authorize(actor);
  await clientOf(deps, t, false);
  if (!(await deleteWebhook(deps.db, t.clientId, id))) throw notFound('webhook');
}

export async function pauseClientWebhook(deps: Deps, actor: Actor | null, t: Target, id: string) {
  authorize(actor);
  await clientOf(deps, t, false);
  const row = await setWebhookPaused(deps.db, t.clientId, id, { at: deps.clock.now(), reason: 'admin' });
  if (!row) throw notFound('webhook');
  return presentWebhook(row);
}

/** Resumes a subscription paused by hand or by failures: its failure count starts again from zero. */
export async function resumeClientWebhook(deps: Deps, actor: Actor | null, t: Target, id: string) {
  authorize(actor);
  await clientOf(deps, t, true);
  const row = await setWebhookPaused(deps.db, t.clientId, id, null);
  if (!row) throw notFound('webhook');
  return presentWebhook(row);
}

/**
 * Queues a test ping through the outbox (the worker signs and sends it like any event; paused or not,
 * so a receiver can be checked before resuming). Answers the delivery id to find in the log.
 */
export async function pingClientWebhook(deps: Deps, actor: Actor | null, t: Target, id: string) {
  authorize(actor);
  await clientOf(deps, t, true);
  const hook = await webhookOf(deps, t, id);
  const deliveryId = randomUUID();
  const at = deps.clock.now();
  const payload = {
    webhookId: hook.id,
    deliveryId,
    event: 'ping' as const,
    orderId: null,
    body: pingBody(deliveryId, hook.id, at),
  };
  await enqueueOutbox(deps.db, [{ topic: 'client.webhook', payload }], at);
  return { deliveryId };
}

export const MAX_DELIVERIES = 200;

export async function listWebhookDeliveries(
  deps: Deps,
  actor: Actor | null,
  t: Target,
  id: string,
  limit = 50,
): Promise<{ deliveries: WebhookDeliveryView<Date>[] }> {
  authorize(actor);
  await clientOf(deps, t, false);
  await webhookOf(deps, t, id);
  const rows = await listDeliveries(deps.db, id, Math.min(limit, MAX_DELIVERIES));
  return { deliveries: rows.map(presentDelivery) };
}
