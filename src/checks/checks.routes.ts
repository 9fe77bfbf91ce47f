import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OffsetSchema } from '../shared/paging.schemas.js';
import { listChecksFor } from './checks.service.js';
import { CheckQueueViewSchema } from './checks.schemas.js';

/** 待核查: dissatisfied web ratings waiting for the supervisor (decided through the order actions). */
export const checkRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/checks',
    {
      schema: {
        tags: ['supervision'],
        summary: '待核查 / dissatisfied web ratings waiting for the centre’s check',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(OffsetSchema),
            deskUnitId: Type.Optional(
              Type.String({ format: 'uuid', description: 'one sub-centre’s checks (a sub-centre’s staff: always their own)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: CheckQueueViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listChecksFor(deps, requireActor(request), request.query);
    },
  );
};
