import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore } from '../http/auth.js';
import { bucketRule, spendPortalToken } from '../portal/portal-rate-limit.service.js';
import type { VisitLinkRating } from '../contract/visits.js';
import { openVisitLink, rateVisitLink } from './visit-link-portal.service.js';
import { VisitLinkPageSchema, VisitLinkRatedSchema, VisitLinkRatingSchema, VisitTokenParam } from './visit-link.schemas.js';

/**
 * The citizen's side of the return-visit link (ADR 0202): public, limited per client address with the
 * portal's look-up bucket (the 429 carries Retry-After), never cached.
 */
export const visitLinkPortalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  const rule = bucketRule(config.portalLookupsPerMinute, 60);
  const base = { public: true } as const;
  const limited = async (request: { ip: string }) => spendPortalToken(deps, 'lookup', request.ip, rule);

  app.get(
    '/api/portal/visit/:token',
    {
      config: base,
      onRequest: limited,
      schema: {
        tags: ['portal'],
        summary: '打开回访链接 / open a return-visit link',
        description: '404: no such link; 409 with `reason` used, expired (fell back to a phone visit) or visited.',
        params: VisitTokenParam,
        response: { 200: VisitLinkPageSchema },
      },
    },
    async (request, reply) => noStore(reply).send(await openVisitLink(deps, request.params.token)),
  );
  app.post(
    '/api/portal/visit/:token',
    {
      config: base,
      onRequest: limited,
      schema: {
        tags: ['portal'],
        summary: '通过回访链接评价 / rate through the link (the order’s return visit, method sms_link)',
        params: VisitTokenParam,
        body: VisitLinkRatingSchema,
        response: { 200: VisitLinkRatedSchema },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await rateVisitLink(deps, request.params.token, request.body as VisitLinkRating)),
  );
};
