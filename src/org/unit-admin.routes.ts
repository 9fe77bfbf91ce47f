import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { StringEnum, IdParam, WrittenText } from '../shared/schema.js';
import { UnitNodeViewSchema } from './org.schemas.js';
import { createUnit, updateUnit, type NewUnitInput } from './unit-admin.service.js';

import { UNIT_KINDS as ALL_UNIT_KINDS } from '../contract/vocabulary.js';

/** The kinds an admin may create: every kind but the centre itself. */
const UNIT_KINDS = ALL_UNIT_KINDS.filter((k) => k !== 'centre') as Exclude<(typeof ALL_UNIT_KINDS)[number], 'centre'>[];

/** Unit administration for the system admin: add a sub-unit, rename, deactivate or reactivate a unit. */
export const unitAdminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/units',
    {
      schema: {
        tags: ['admin'],
        summary: '新建单位 / create unit',
        body: Type.Object(
          {
            parentId: Type.String({ format: 'uuid' }),
            code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
            name: WrittenText(100),
            kind: StringEnum(UNIT_KINDS),
          },
          { additionalProperties: false },
        ),
        response: { 201: UnitNodeViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(deps, requireActor(request), request.body as NewUnitInput)),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '改名、启用/停用单位 / rename, activate or deactivate a unit',
        params: IdParam,
        body: Type.Object(
          { active: Type.Optional(Type.Boolean()), name: Type.Optional(WrittenText(100)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UnitNodeViewSchema },
      },
    },
    async (request) => updateUnit(deps, requireActor(request), request.params.id, request.body),
  );
};
