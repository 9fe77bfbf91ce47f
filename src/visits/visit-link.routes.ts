import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OrderRefParam } from '../shared/schema.js';
import { listVisitLinksFor, sendVisitLink } from './visit-link.service.js';
import { listDirectSamplesFor } from './visit-queue.service.js';
import { DirectSampleListSchema, VisitLinkListSchema, VisitLinkQuery, VisitLinkViewSchema } from './visit-link.schemas.js';

const tags = ['visits'];

/** The 回访 desk (ADR 0202): send a one-time rating link, the links' states, the sampled 直办 orders. */
export const visitLinkRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/visit-link',
    {
      schema: {
        tags,
        summary: '发送回访短信 / send the caller a one-time return-visit link',
        description:
          '409 with `reason`: not_awaiting (not 待回访 nor a 直办 order without its visit), no_phone, event_off, opted_out, sms_declined (at intake), not_agreed (a confidential caller), live (a link still waiting).',
        params: OrderRefParam,
        response: { 201: VisitLinkViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await sendVisitLink(deps, requireActor(request), request.params.id)),
  );
  app.get(
    '/api/visit-links',
    {
      schema: {
        tags,
        summary: '回访短信记录 / return-visit links, newest first',
        querystring: VisitLinkQuery,
        response: { 200: VisitLinkListSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listVisitLinksFor(deps, requireActor(request), request.query);
    },
  );
  app.get(
    '/api/visits/direct-samples',
    {
      schema: {
        tags,
        summary: '直办件抽样回访 / sampled directly answered orders awaiting their visit',
        response: { 200: DirectSampleListSchema },
      },
    },
    async (request) => listDirectSamplesFor(deps, requireActor(request)),
  );
};
