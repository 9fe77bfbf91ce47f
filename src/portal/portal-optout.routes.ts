import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { PortalNoticeChoice } from '../contract/citizen-notices.js';
import type { AppContext } from '../http/context.js';
import { noStore } from '../http/auth.js';
import { wireSchema } from '../shared/wire-schema.js';
import { setMySmsOptOut } from './portal-optout.service.js';

const ChoiceSchema = wireSchema<PortalNoticeChoice>()(
  Type.Object({ smsOptedOut: Type.Boolean() }, { additionalProperties: false }),
);
const SessionHeaders = Type.Object({
  'x-portal-session': Type.Optional(
    Type.String({ maxLength: 100, description: '我的诉求的验证会话 / from POST /api/portal/my' }),
  ),
});

/** 我的诉求: the citizen switches SMS notices off (or on again) for the phone they proved (issue 16). */
export const portalOptOutRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.put(
    '/api/portal/my/notices',
    {
      config: { public: true },
      schema: {
        tags: ['portal'],
        summary: '不再接收短信通知 / stop (or restart) SMS notices to my phone',
        headers: SessionHeaders,
        body: ChoiceSchema,
        response: { 200: ChoiceSchema },
      },
    },
    async (request, reply) =>
      noStore(reply).send(
        await setMySmsOptOut(deps, request.headers['x-portal-session'], (request.body as PortalNoticeChoice).smsOptedOut),
      ),
  );
};
