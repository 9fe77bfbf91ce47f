import { composeDeps } from '../composition.js';
import { text } from '../i18n/messages.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { DomainError } from '../shared/errors.js';
import { systemActor, type Actor } from '../users/roles.js';
import type { OutboxHandler } from '../worker/outbox-handlers.js';
import { matchAppeal } from './catalogue-lookup.service.js';
import { AUTO_DISPATCH_TOPIC } from './catalogue.hook.js';
import { findDispatchFacts } from './catalogue.repository.js';
import { findOrder } from '../orders/order.repository.js';

/** The catalogue's own actor: may dispatch (transition table, systemRoles) and nothing else. */
export const catalogueActor = (centreId: string): Actor => ({
  ...systemActor(centreId, text('catalogue.autoDispatcher').zh),
  systemRole: 'catalogue',
});

/**
 * Dispatches a new order to its exact catalogue hit, unless someone dispatched (or otherwise moved)
 * it first, or the catalogue no longer has that exact answer (a rule edited, the switch turned off).
 * Idempotent: a second run finds the order dispatched.
 */
export const catalogueAutoDispatchHandler: OutboxHandler<typeof AUTO_DISPATCH_TOPIC> = {
  topic: AUTO_DISPATCH_TOPIC,
  async run(deps, payload) {
    const order = await findOrder(deps.db, { centreId: payload.centreId, unitPath: null }, payload.orderId);
    if (!order || order.state !== 'accepted' || order.dispatch_count > 0) return;
    const facts = await findDispatchFacts(deps.db, order.centre_id, order.category_id);
    const { catalogue, match } = await matchAppeal(
      deps.db,
      {
        centreId: order.centre_id,
        categoryId: order.category_id,
        categoryPath: facts?.category_path ?? null,
        regionId: order.region_id,
        appealType: order.appeal_type,
        text: `${order.title}\n${order.content}`,
        at: deps.clock.now(),
      },
      Number(facts?.catalogue_version ?? -1),
    );
    if (!catalogue.autoDispatch || !match?.exact) return;
    try {
      await transitionOrder(composeDeps(deps), {
        orderId: order.id,
        action: 'dispatch',
        version: order.version,
        payload: {
          leadUnitId: match.rule.leadUnitId,
          assistUnitIds: match.rule.assistUnitIds,
          instructions: match.rule.note ?? undefined,
        },
        actor: catalogueActor(order.centre_id),
      });
    } catch (e) {
      // Someone acted on the order in between: theirs is the decision.
      if (e instanceof DomainError && (e.code === 'CONFLICT' || e.code === 'INVALID_TRANSITION')) return;
      throw e;
    }
  },
};
