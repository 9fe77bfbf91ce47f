import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../http/context.js';
import { noStore } from '../http/auth.js';
import { maskPhone } from '../orders/masking.js';
import { DomainError, domainError } from '../shared/errors.js';
import { myAppeals, OTP_RULES, requestOtp, type OtpDelivery } from './portal-otp.service.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import { randomUUID } from 'node:crypto';
import { MyAppealsRequestSchema, MyAppealsSchema, OtpRequestSchema, OtpSentSchema } from './portal-my.schemas.js';

const withRetryAfter = async <T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    throw error;
  }
};

/** "My appeals": a citizen proves the phone with a one-time code and sees every appeal of it (ADR 0104). */
export const portalMyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  const base = { public: true } as const;

  app.post(
    '/api/portal/otp',
    {
      config: base,
      schema: {
        tags: ['portal'],
        summary: '获取手机验证码 / send a one-time code to a phone',
        body: OtpRequestSchema,
        response: { 200: OtpSentSchema },
      },
    },
    async (request, reply) => {
      // The code goes by SMS (a citizen notice, urgent: no quiet hours); without a gateway only the
      // clearly named development setting makes codes reachable (the log and the staff outbox page).
      if (!config.devLogOtp && !config.notices.sms) throw domainError('UNAVAILABLE', 'error.portalOtpUnavailable');
      const deliver: OtpDelivery = async (phone, code, centreId) => {
        if (config.devLogOtp)
          request.log.warn({ phone: maskPhone(phone), devOtp: code }, `LIANXIN_DEV_LOG_OTP portal one-time code ${code}`);
        const at = deps.clock.now();
        await enqueueOutbox(
          deps.db,
          [
            {
              topic: 'citizen.event',
              payload: {
                centreId,
                orderId: null,
                event: 'otp',
                key: `otp:${randomUUID()}`,
                phone,
                urgent: true,
                vars: { code, minutes: String(OTP_RULES.ttlMinutes) },
              },
            },
          ],
          at,
        );
      };
      const sent = await withRetryAfter(reply, () =>
        requestOtp(deps, { phone: request.body.phone, clientIp: request.ip }, deliver),
      );
      return noStore(reply).send(sent);
    },
  );

  app.post(
    '/api/portal/my',
    {
      config: base,
      schema: {
        tags: ['portal'],
        summary: '我反映过的问题 / my appeals, with the one-time code',
        body: MyAppealsRequestSchema,
        response: { 200: MyAppealsSchema },
      },
    },
    async (request, reply) => noStore(reply).send(await myAppeals(deps, request.body)),
  );
};
