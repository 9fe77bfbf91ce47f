import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { ROLES } from './roles.js';
import { createUser, listUsersFor } from './user.service.js';

export const userRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get('/api/users', { schema: { tags: ['admin'], summary: '用户列表 / users' } }, async (request) => ({
    items: await listUsersFor(deps, requireActor(request)),
  }));

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['admin'],
        summary: '新建用户 / create user',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-zA-Z0-9_.-]{3,40}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 60 }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            unitId: Type.String({ format: 'uuid' }),
            roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await createUser(deps, actor, actor.centreId, request.body);
      return reply.status(201).send(user);
    },
  );
};
