import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import { assignSubCentreRegion, getSubCentres, setSubCentreRouting } from './sub-centre.service.js';

/** Sub-centres (分中心, ADR 0110): the desks, the region each owns, and the centre's routing switch. */
export const subCentreRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get('/api/sub-centres', { schema: { tags: ['org'], summary: '分中心 / sub-centres' } }, async (request) =>
    getSubCentres(deps, requireActor(request)),
  );

  app.put(
    '/api/sub-centres/routing',
    {
      schema: {
        tags: ['admin'],
        summary: '按区域转分中心开关 / route orders to sub-centres by region',
        body: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }),
      },
    },
    async (request) => setSubCentreRouting(deps, requireActor(request), request.body.on),
  );

  app.put(
    '/api/sub-centres/:id/region',
    {
      schema: {
        tags: ['admin'],
        summary: '分中心的区域 / the region a sub-centre owns',
        params: IdParam,
        body: Type.Object(
          { regionId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => assignSubCentreRegion(deps, requireActor(request), request.params.id, request.body.regionId),
  );
};
