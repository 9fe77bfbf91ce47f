import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import type { DispatchAreaView, LeagueWideUnitView, SubCentresView } from '../contract/org.js';
import { UNIT_KINDS } from '../contract/vocabulary.js';
import { IdParam, StringEnum } from '../shared/schema.js';
import { Nullable, wireSchema } from '../shared/wire-schema.js';
import {
  assignSubCentreRegion,
  getDispatchArea,
  getSubCentres,
  markLeagueWide,
  setSubCentreRouting,
} from './sub-centre.service.js';

const LeagueWideUnitSchema = Type.Object({ id: Type.String(), name: Type.String(), kind: StringEnum(UNIT_KINDS) });
const LeagueWideUnitsSchema = wireSchema<LeagueWideUnitView[]>()(Type.Array(LeagueWideUnitSchema));
const DispatchAreaSchema = wireSchema<DispatchAreaView>()(
  Type.Object({
    anywhere: Type.Boolean(),
    deskUnitId: Nullable(Type.String()),
    deskName: Nullable(Type.String()),
    areaUnitId: Nullable(Type.String()),
    areaUnitName: Nullable(Type.String()),
    leagueWideUnits: Type.Array(LeagueWideUnitSchema),
  }),
);

const SubCentresOut = wireSchema<SubCentresView>()(
  Type.Object({
    routeToSubCentres: Type.Boolean(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        active: Type.Boolean(),
        regionId: Nullable(Type.String()),
        regionName: Nullable(Type.String()),
      }),
    ),
  }),
);
const response = { 200: SubCentresOut };

/** Sub-centres (分中心, ADR 0110): the desks, the region each owns, and the centre's routing switch. */
export const subCentreRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get('/api/sub-centres', { schema: { tags: ['org'], summary: '分中心 / sub-centres', response } }, async (request) =>
    getSubCentres(deps, requireActor(request)),
  );

  app.put(
    '/api/sub-centres/routing',
    {
      schema: {
        tags: ['admin'],
        summary: '按区域转分中心开关 / route orders to sub-centres by region',
        body: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }),
        response,
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
        response,
      },
    },
    async (request) => assignSubCentreRegion(deps, requireActor(request), request.params.id, request.body.regionId),
  );

  app.get(
    '/api/sub-centres/dispatch-area',
    {
      schema: {
        tags: ['org'],
        summary: '本人的派单范围 / where I may dispatch (a sub-centre: its banner/county and league-wide units)',
        response: { 200: DispatchAreaSchema },
      },
    },
    async (request) => getDispatchArea(deps, requireActor(request)),
  );

  app.put(
    '/api/units/:id/league-wide',
    {
      schema: {
        tags: ['admin'],
        summary: '全盟通办单位 / mark a unit league-wide (every sub-centre may dispatch to it)',
        params: IdParam,
        body: Type.Object({ leagueWide: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: LeagueWideUnitsSchema },
      },
    },
    async (request) => markLeagueWide(deps, requireActor(request), request.params.id, request.body.leagueWide),
  );
};
