import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { OrderSearchQuerySchema, OrderSearchResultViewSchema } from './search.schemas.js';
import { searchOrdersFor } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/search/orders',
    {
      schema: {
        tags: ['search'],
        summary: '工单全文检索 / full-text search of orders (ranked, highlighted, filtered)',
        querystring: OrderSearchQuerySchema,
        response: { 200: OrderSearchResultViewSchema },
      },
    },
    async (request) => searchOrdersFor(deps, requireActor(request), request.query),
  );
};
