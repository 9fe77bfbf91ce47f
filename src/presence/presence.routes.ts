import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OrderRefParam } from '../shared/schema.js';
import { beatPresence, leavePresence } from './presence.service.js';
import { PresenceAnswerViewSchema, PresenceLeftViewSchema } from './presence.schemas.js';

const tags = ['presence'];

/** Who else has an order open (另一位同事正在处理此工单). */
export const presenceRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/presence',
    {
      schema: {
        tags,
        summary: '在看此工单（心跳） / heartbeat: I have this order open',
        params: OrderRefParam,
        response: { 200: PresenceAnswerViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return beatPresence(deps, requireActor(request), request.params.id);
    },
  );
  app.delete(
    '/api/orders/:id/presence',
    {
      schema: {
        tags,
        summary: '离开工单 / I closed this order',
        params: OrderRefParam,
        response: { 200: PresenceLeftViewSchema },
      },
    },
    async (request) => leavePresence(deps, requireActor(request), request.params.id),
  );
};
