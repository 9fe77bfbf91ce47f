import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noStore, requireActor } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { checkDuplicates, duplicatesOfOrder } from './duplicate-query.service.js';
import { DuplicateCheckSchema, DuplicateCheckViewSchema, OrderDuplicatesViewSchema, OrderIdParam } from './duplicate.schemas.js';

const tags = ['duplicates'];

export const duplicateRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/:id/duplicates',
    {
      schema: {
        tags,
        summary: '疑似重复件 / duplicate candidates of an order (score + reasons)',
        params: OrderIdParam,
        response: { 200: OrderDuplicatesViewSchema },
      },
    },
    async (request) => duplicatesOfOrder(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/duplicates/check',
    {
      schema: {
        tags,
        summary: '受理时查重 / duplicate candidates for the appeal being typed',
        body: DuplicateCheckSchema,
        response: { 200: DuplicateCheckViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return checkDuplicates(deps, requireActor(request), request.body);
    },
  );
};
