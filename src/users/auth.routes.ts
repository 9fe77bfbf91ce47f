import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor, SESSION_COOKIE, sessionToken } from '../http/auth.js';
import { login, logout } from './auth.service.js';
import { actorDesk } from './actor-scope.js';

export const authRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in',
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 40 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
      },
    },
    async (request, reply) => {
      const session = await login(deps, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        expires: session.expiresAt,
      });
      return { token: session.token, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出 / sign out' } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 / current user' } }, async (request) => {
    const actor = requireActor(request);
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.label,
      roles: actor.roles,
      unitId: actor.unitId,
      unitName: actor.unitName,
      centreId: actor.centreId,
      deskUnitId: actorDesk(actor),
    };
  });
};
