import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import type { MySecurityView, SessionView, SignInChallengeView, TotpConfirmedView, TotpEnrolmentView } from '../contract/auth.js';
import { IdParam } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';
import { setSessionCookie } from './session-cookie.js';
import { changeOwnPassword } from './password-change.service.js';
import { confirmEnrolment, mySecurity, resetUserTotp, startEnrolment, verifySecondStep } from './totp.service.js';

const Challenge = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
const Code = Type.String({ pattern: '^[0-9]{6}$' });
/** The session of a finished second step: the token only for an API client that asked (`bearer: true`). */
const SessionSchema = wireSchema<SessionView<Date>>()(
  Type.Object({ token: Type.Optional(Type.String()), expiresAt: InstantSchema }),
);
/** POST /api/auth/login when a second step is due. */
export const SignInChallengeSchema = wireSchema<SignInChallengeView<Date>>()(
  Type.Object({
    mfa: Type.Union([Type.Literal('totp'), Type.Literal('enrol')]),
    challenge: Type.String(),
    expiresAt: InstantSchema,
  }),
);
const EnrolmentSchema = wireSchema<TotpEnrolmentView>()(
  Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrDataUrl: Type.String() }),
);
const ConfirmedSchema = wireSchema<TotpConfirmedView<Date>>()(
  Type.Object({ recoveryCodes: Type.Array(Type.String()), expiresAt: Type.Optional(InstantSchema) }),
);
const MySecuritySchema = wireSchema<MySecurityView<Date>>()(
  Type.Object({
    totpEnabled: Type.Boolean(),
    recoveryCodesLeft: Type.Integer(),
    signIns: Type.Array(Type.Object({ at: InstantSchema, outcome: Type.String(), ip: Nullable(Type.String()) })),
  }),
);
const OkSchema = wireSchema<{ ok: true }>()(Type.Object({ ok: Type.Literal(true) }));

/** TOTP two-factor sign-in (ADR 0156): the second step, enrolment, reset, and the user's own security page. */
export const totpRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  app.post(
    '/api/auth/totp',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '双因素登录第二步 / sign-in second step (TOTP or recovery code)',
        security: [],
        body: Type.Object(
          {
            challenge: Challenge,
            code: Type.Optional(Code),
            recoveryCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{10,11}$' })),
            bearer: Type.Optional(Type.Boolean({ description: 'true: an API client wants the session token in the body' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { bearer, ...step } = request.body;
      const session = await verifySecondStep(deps, { ...step, ip: request.ip });
      setSessionCookie(reply, config, session);
      return bearer ? session : { expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '开始绑定动态验证码 / start TOTP enrolment (QR code)',
        description: 'With the challenge of a sign-in that must enrol, or signed in (own account).',
        body: Type.Object({ challenge: Type.Optional(Challenge) }, { additionalProperties: false }),
        response: { 200: EnrolmentSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { challenge } = request.body;
      return startEnrolment(deps, challenge ? { challenge } : { userId: requireActor(request).userId });
    },
  );

  app.post(
    '/api/auth/totp/enrol/confirm',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '确认绑定 / confirm TOTP enrolment with a code; answers the recovery codes',
        body: Type.Object({ challenge: Type.Optional(Challenge), code: Code }, { additionalProperties: false }),
        response: { 200: ConfirmedSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { challenge, code } = request.body;
      const who = challenge ? { challenge, ip: request.ip } : { userId: requireActor(request).userId, ip: request.ip };
      const done = await confirmEnrolment(deps, who, code);
      if (!done.session) return { recoveryCodes: done.recoveryCodes };
      setSessionCookie(reply, config, done.session);
      return { recoveryCodes: done.recoveryCodes, expiresAt: done.session.expiresAt };
    },
  );

  app.post(
    '/api/users/:id/totp/reset',
    {
      schema: {
        tags: ['admin'],
        summary: '重置双因素认证 / reset a user’s two-factor sign-in (security administrator)',
        params: IdParam,
        response: { 200: OkSchema },
      },
    },
    async (request) => resetUserTotp(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/me/security',
    {
      schema: {
        tags: ['auth'],
        summary: '我的账户安全 / my two-factor state and sign-in history',
        response: { 200: MySecuritySchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return mySecurity(deps, requireActor(request).userId!);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码 / change my password (also when it has expired)',
        description: 'With the username and the current password; every session of the account ends.',
        security: [],
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 40 }),
            currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
            newPassword: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: OkSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return changeOwnPassword(deps, { ...request.body, ip: request.ip });
    },
  );
};
