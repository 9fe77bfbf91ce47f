import { randomUUID } from 'node:crypto';
import type { NewOutboxMessage } from '../outbox/outbox-topics.js';
import type { IntakeHook, TransitionHook } from '../orders/order-hooks.js';
import { subscriptionsForStep } from './client-webhook.repository.js';
import { eventCandidates, eventFor, progressBody, type OrderStep } from './webhook-events.js';

type Subscription = { readonly id: string; readonly events: readonly string[]; readonly agency: string | null };

/**
 * One outbox message per subscription that asked for one of the step's events (ADR 0182), written
 * in the step's own outbox statement: a delivery exists exactly when the step committed. The dedupe
 * key (subscription, order, version) makes a repeated step write nothing twice.
 */
function deliveries(
  subscriptions: readonly Subscription[],
  step: OrderStep & { after: { version: number } },
  at: Date,
): NewOutboxMessage[] {
  const candidates = eventCandidates(step);
  return subscriptions.flatMap((s) => {
    const event = eventFor(candidates, s.events);
    if (!event) return [];
    const deliveryId = randomUUID();
    const body = progressBody(deliveryId, event, step, { at, agency: s.agency });
    return [
      {
        topic: 'client.webhook' as const,
        payload: { webhookId: s.id, deliveryId, event, orderId: step.after.id, body },
        dedupeKey: `client.webhook:${s.id}:${step.after.id}:${step.after.version}`,
      },
    ];
  });
}

/**
 * Intake of an outside system's appeal: `order.accepted`. The subscriptions are read before the
 * INSERT (intake hooks only read); a confidential appeal is skipped by eventCandidates.
 */
export const clientWebhookIntakeHook: IntakeHook = async (ctx) => {
  const clientId = ctx.actor.apiClientId;
  if (!clientId) return {};
  const subscriptions = await subscriptionsForStep(ctx.tx, clientId, null);
  if (subscriptions.length === 0) return {};
  return {
    companions: (order) => ({ outbox: deliveries(subscriptions, { action: 'accept', before: null, after: order }, ctx.at) }),
  };
};

/** Every transition of an order some client submitted: at most one delivery per subscription. */
export const clientWebhookTransitionHook: TransitionHook = async (ctx) => {
  const step = { action: ctx.action, before: ctx.before.state, after: ctx.after };
  if (eventCandidates(step).length === 0) return;
  const subscriptions = await subscriptionsForStep(ctx.tx, ctx.after.api_client_id!, ctx.after.lead_unit_id);
  ctx.outbox.push(...deliveries(subscriptions, step, ctx.at));
};
