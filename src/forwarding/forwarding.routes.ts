import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OrderRefParam } from '../shared/schema.js';
import { getForwardChain, getForwardInbox } from './forward-chain.service.js';
import { ForwardChainViewSchema, ForwardInboxViewSchema } from './forwarding.schemas.js';

/** Forwarding down the unit tree (下派, ADR 0115): the chain of one order and a unit's forwarding inbox. */
export const forwardingRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/:id/forward-chain',
    {
      schema: {
        tags: ['forwarding'],
        summary: '下派链 / forwarding chain and holder',
        params: OrderRefParam,
        response: { 200: ForwardChainViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return getForwardChain(deps, requireActor(request), request.params.id);
    },
  );

  app.get(
    '/api/forwarding/inbox',
    { schema: { tags: ['forwarding'], summary: '下派收件箱 / forwarding inbox', response: { 200: ForwardInboxViewSchema } } },
    async (request, reply) => {
      noStore(reply);
      return getForwardInbox(deps, requireActor(request));
    },
  );
};
