import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.js';
import { requireActor } from '../../http/auth.js';
import { findHotspots } from './hotspot.service.js';
import { HotspotQuerySchema } from './hotspot.schemas.js';
import { HotspotAnswerSchema } from '../analytics-views.schemas.js';

export const hotspotRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/hotspots',
    {
      schema: {
        tags: ['analytics'],
        summary: '热点问题 / hot issues: clusters of similar appeals rising in a period and place',
        querystring: HotspotQuerySchema,
        response: { 200: HotspotAnswerSchema },
      },
    },
    async (request) => findHotspots(deps, requireActor(request), request.query),
  );
};
