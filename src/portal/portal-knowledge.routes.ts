import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../http/context.js';
import type { PublicArticleHitView, PublicArticleView } from '../contract/knowledge.js';
import { readPublicArticle, searchPublicArticles } from '../knowledge/knowledge-public.service.js';
import { IdParam } from '../shared/schema.js';
import { InstantSchema, wireSchema } from '../shared/wire-schema.js';
import { portalCentre } from './portal.service.js';

const tags = ['portal'];
const Fragments = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }));

const PublicSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '问题（中文分词检索）; absent: the most read' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
  },
  { additionalProperties: false },
);
const PublicHitsSchema = wireSchema<{ items: PublicArticleHitView[] }>()(
  Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), title: Fragments, excerpt: Fragments })) }),
);
const PublicArticleSchema = wireSchema<PublicArticleView<Date>>()(
  Type.Object({ id: Type.String(), title: Type.String(), body: Type.String(), updatedAt: InstantSchema, views: Type.Number() }),
);

/** 公开知识库 (issue 16, ADR 0176): citizens search the articles marked public, no sign-in. */
export const portalKnowledgeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/portal/knowledge',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开知识检索 / search the public knowledge base',
        querystring: PublicSearchQuery,
        response: { 200: PublicHitsSchema },
      },
    },
    async (request) => {
      const centre = await portalCentre(deps);
      return searchPublicArticles(deps, centre.id, request.query.q, request.query.limit ?? 10);
    },
  );
  app.get(
    '/api/portal/knowledge/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开知识条目（计阅读数）/ a public article (counts a view)',
        params: IdParam,
        response: { 200: PublicArticleSchema },
      },
    },
    async (request) => {
      const centre = await portalCentre(deps);
      return readPublicArticle(deps, centre.id, request.params.id);
    },
  );
};
