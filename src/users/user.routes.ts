import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { ROLES } from './roles.js';
import { createUser, listUsersFor, resetUserPassword, unlockUser, updateUser } from './user.service.js';
import { IdParam, WrittenText } from '../shared/schema.js';
import { MfaPolicySchema, OkSchema, UserListSchema, UserViewSchema } from './user.schemas.js';
import { readMfaPolicy, setMfaPolicy } from './mfa-policy.service.js';

export const userRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['admin'], summary: '用户列表 / users', response: { 200: UserListSchema } } },
    async (request) => ({
      items: await listUsersFor(deps, requireActor(request)),
    }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['admin'],
        summary: '新建用户 / create user',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-zA-Z0-9_.-]{3,40}$' }),
            displayName: WrittenText(60),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            unitId: Type.String({ format: 'uuid' }),
            roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await createUser(deps, actor, actor.centreId, request.body);
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '修改用户（姓名、单位、角色、停用）/ edit a user (name, unit, roles, deactivate)',
        description: 'active=false deactivates the account: its sessions end at once and it can no longer sign in.',
        params: IdParam,
        body: Type.Object(
          {
            displayName: Type.Optional(WrittenText(60)),
            unitId: Type.Optional(Type.String({ format: 'uuid' })),
            roles: Type.Optional(Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, uniqueItems: true })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserViewSchema },
      },
    },
    async (request) => updateUser(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary: '重置密码 / reset a password',
        description: "Sets a new password and ends the user's sessions.",
        params: IdParam,
        body: Type.Object({ password: Type.String({ minLength: 8, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: OkSchema },
      },
    },
    async (request) => resetUserPassword(deps, requireActor(request), request.params.id, request.body.password),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: '解锁账户 / unlock an account',
        description: 'Unlocks an account locked after repeated failed sign-ins (security administrator).',
        params: IdParam,
        response: { 200: OkSchema },
      },
    },
    async (request) => unlockUser(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/users/mfa-policy',
    {
      schema: {
        tags: ['admin'],
        summary: '双因素认证要求 / which roles must sign in with TOTP',
        response: { 200: MfaPolicySchema },
      },
    },
    async (request) => readMfaPolicy(deps, requireActor(request)),
  );

  app.put(
    '/api/users/mfa-policy',
    {
      schema: {
        tags: ['admin'],
        summary: '设置双因素认证要求 / set which roles must sign in with TOTP',
        description: 'Security administrator only; audited (admin.centre.mfa). An empty list makes TOTP optional for everyone.',
        body: Type.Object(
          { roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: MfaPolicySchema },
      },
    },
    async (request) => setMfaPolicy(deps, requireActor(request), request.body.roles),
  );
};
