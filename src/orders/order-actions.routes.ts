import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { ACTION_PAYLOADS, ActionEnvelope, ORDER_ACTIONS, type OrderAction } from './order-actions.schemas.js';
import { transitionOrder } from './order-transition.service.js';
import { TRANSITIONS } from './order-transitions.js';
import { presentOrder } from './order.presenter.js';
import { OrderViewSchema } from './order-views.schemas.js';
import { IdParam } from '../shared/schema.js';

const kebab = (action: string) => action.replace(/_/g, '-');

/** One route per action of the transition table, each with its own body schema. */
export const orderActionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  for (const action of ORDER_ACTIONS) {
    const rule = TRANSITIONS[action];
    const body = Type.Composite([ActionEnvelope, ACTION_PAYLOADS[action]], { additionalProperties: false });
    app.post(
      `/api/orders/:id/actions/${kebab(action)}`,
      {
        schema: {
          tags: ['order actions'],
          summary: `${action}: ${rule.from.join('|')} → ${rule.to} (${rule.roles.join(', ')})`,
          params: IdParam,
          body,
          response: { 200: OrderViewSchema },
        },
      },
      async (request) => {
        const { version, note, ...payload } = request.body as { version: number; note?: string } & Record<string, unknown>;
        const order = await transitionOrder(deps, {
          orderId: request.params.id,
          action: action as OrderAction,
          version,
          note: note ?? null,
          payload: payload as never,
          actor: requireActor(request),
        });
        return presentOrder(order, { unmasked: false, now: deps.clock.now() });
      },
    );
  }
};
