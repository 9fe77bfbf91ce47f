import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../http/context.js';
import { NEARBY_RADIUS_METRES, type NearbyAnswer } from '../contract/map.js';
import { nearbyOpenAppeals } from '../geo/nearby-appeals.service.js';
import { mapRegionOutlines } from '../geo/order-map.service.js';
import { RegionOutlinesSchema } from '../geo/order-map.schemas.js';
import { text, type MessageKey } from '../i18n/messages.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';
import { portalLimiter } from './portal-limit.hook.js';
import { portalStage } from './portal.presenter.js';
import { portalCentre } from './portal.service.js';

const tags = ['portal'];

const NearbyQuery = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
const Words = Type.Object({ zh: Type.String(), en: Type.String() });
const NearbySchema = wireSchema<NearbyAnswer<Date>>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        category: Nullable(Type.String()),
        stage: Type.String(),
        stageText: Words,
        acceptedOn: InstantSchema,
        lat: Type.Number(),
        lng: Type.Number(),
        distanceMetres: Type.Number(),
      }),
    ),
    radiusMetres: Type.Number(),
  }),
);

/**
 * The portal's map (ADR 0187), no sign-in: the outlines of counties and towns to find one's place on
 * a plain background, and the open appeals near a point (as FixMyStreet shows them before a report):
 * category, stage and day only, the point blurred to ≈ 100 m; limited per IP like the look-ups.
 */
export const portalMapRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  const limited = portalLimiter(deps, config);
  app.get(
    '/api/portal/map/regions',
    {
      config: { public: true },
      schema: { tags, summary: '地图轮廓 / county and town outlines', response: { 200: RegionOutlinesSchema } },
    },
    async () => mapRegionOutlines(deps, (await portalCentre(deps)).id),
  );
  app.get(
    '/api/portal/nearby',
    {
      config: { public: true },
      onRequest: limited('lookup'),
      schema: {
        tags,
        summary: '附近的诉求 / open appeals nearby (blurred, no personal data)',
        querystring: NearbyQuery,
        response: { 200: NearbySchema },
      },
    },
    async (request): Promise<NearbyAnswer<Date>> => {
      const centre = await portalCentre(deps);
      const found = await nearbyOpenAppeals(deps, centre.id, request.query);
      return {
        radiusMetres: NEARBY_RADIUS_METRES,
        items: found.map((a) => {
          const stage = portalStage(a.state);
          return {
            category: a.category,
            stage,
            stageText: text(`portal.stage.${stage}` as MessageKey),
            acceptedOn: a.acceptedAt,
            lat: a.point.lat,
            lng: a.point.lng,
            distanceMetres: a.distanceMetres,
          };
        }),
      };
    },
  );
};
