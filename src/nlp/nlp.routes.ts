import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { SuggestBodySchema, SuggestResponseSchema } from './nlp.schemas.js';
import { suggestForIntake } from './nlp-suggest.service.js';

export const nlpRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/nlp/suggest',
    {
      schema: {
        tags: ['nlp'],
        summary: '受理时推荐分类与承办单位 / category and handling-unit suggestions at intake',
        body: SuggestBodySchema,
        response: { 200: SuggestResponseSchema },
      },
    },
    async (request) => suggestForIntake(deps, requireActor(request), request.body),
  );
};
