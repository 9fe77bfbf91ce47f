import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { can } from '../users/permissions.js';
import { forbidden } from '../shared/errors.js';
import { OrderMapQuery, OrderMapSchema, RegionOutlinesSchema } from './order-map.schemas.js';
import { mapRegionOutlines, ordersOnMap } from './order-map.service.js';

const tags = ['map'];

/** The map (ADR 0187): orders in a box for the dispatcher's map and the wall, region outlines for every map. */
export const orderMapRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/map',
    {
      schema: {
        tags,
        summary: '地图上的工单 / orders on the map (WGS-84)',
        querystring: OrderMapQuery,
        response: { 200: OrderMapSchema },
      },
    },
    async (request) => ordersOnMap(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/map/regions',
    {
      schema: {
        tags,
        summary: '旗县、乡镇轮廓（由网格生成）/ county and town outlines drawn from their grids',
        response: { 200: RegionOutlinesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'catalog.read')) throw forbidden();
      return mapRegionOutlines(deps, actor.centreId);
    },
  );
};
