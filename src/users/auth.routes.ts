import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor, SESSION_COOKIE, sessionToken } from '../http/auth.js';
import { logout, signIn } from './auth.service.js';
import { setSessionCookie } from './session-cookie.js';
import { SignInChallengeSchema } from './totp.routes.js';
import { actorDesk } from './actor-scope.js';
import { MeViewSchema, OkSchema, SessionViewSchema } from './user.schemas.js';

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
          bearer: Type.Optional(
            Type.Boolean({
              description: 'true: an API client wants the session token in the body (sent as Authorization: Bearer)',
            }),
          ),
        }),
        // The challenge first: fast-json-stringify answers with the first schema an object fits.
        response: { 200: Type.Union([SignInChallengeSchema, SessionViewSchema]) },
      },
    },
    async (request, reply) => {
      // A browser keeps the token in the HttpOnly cookie only: a script (an XSS) never sees it.
      noStore(reply);
      const result = await signIn(deps, request.body.username, request.body.password, request.ip);
      // A second step is due (TOTP or enrolment, ADR 0156): no session yet, only the challenge.
      if ('mfa' in result) return result;
      setSessionCookie(reply, config, result);
      return request.body.bearer ? { token: result.token, expiresAt: result.expiresAt } : { expiresAt: result.expiresAt };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出 / sign out', response: { 200: OkSchema } } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 / current user', response: { 200: MeViewSchema } } },
    async (request) => {
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
        map: config.map,
      };
    },
  );
};
