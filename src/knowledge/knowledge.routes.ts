import { Type } from '@sinclair/typebox';
import { setArticlePublicFor } from './knowledge-public.service.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import {
  ArticleDetailViewSchema,
  ArticleHitsSchema,
  ArticleListSchema,
  ArticleViewSchema,
  UpkeepSchema,
  ArticleIdParam,
  ArticleListQuerySchema,
  ArticleSearchQuerySchema,
  NewArticleSchema,
  SuggestQuerySchema,
  UpdateArticleSchema,
  type ArticleListQuery,
  type ArticleSearchQuery,
  type NewArticleInput,
  type UpdateArticleInput,
} from './knowledge.schemas.js';
import { searchArticlesFor, suggestArticlesFor } from './knowledge-search.service.js';
import { createArticle, getArticle, knowledgeUpkeep, listArticlesFor, updateArticle } from './knowledge.service.js';

const tags = ['knowledge'];

export const knowledgeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/knowledge/search',
    {
      schema: {
        tags,
        summary: '知识检索 / search articles (ranked, highlighted)',
        querystring: ArticleSearchQuerySchema,
        response: { 200: ArticleHitsSchema },
      },
    },
    async (request) => searchArticlesFor(deps, requireActor(request), request.query as ArticleSearchQuery),
  );
  app.get(
    '/api/knowledge/suggest',
    {
      schema: {
        tags,
        summary: '受理时推荐知识 / top answerable articles for the text being typed',
        querystring: SuggestQuerySchema,
        response: { 200: ArticleHitsSchema },
      },
    },
    async (request) => suggestArticlesFor(deps, requireActor(request), request.query),
  );
  // The same as a POST: a long appeal does not fit in a URL (Node refuses request lines over 16 KB,
  // about 1,800 Chinese characters once percent-encoded), and the intake screen sends whole appeals.
  app.post(
    '/api/knowledge/suggest',
    {
      schema: {
        tags,
        summary: '受理时推荐知识（长文本）/ top answerable articles for a long text',
        body: SuggestQuerySchema,
        response: { 200: ArticleHitsSchema },
      },
    },
    async (request) => suggestArticlesFor(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/knowledge/upkeep',
    { schema: { tags, summary: '各单位知识维护情况 / upkeep per owning unit', response: { 200: UpkeepSchema } } },
    async (request) => knowledgeUpkeep(deps, requireActor(request)),
  );
  app.get(
    '/api/knowledge/articles',
    {
      schema: {
        tags,
        summary: '知识条目列表 / list articles',
        querystring: ArticleListQuerySchema,
        response: { 200: ArticleListSchema },
      },
    },
    async (request) => listArticlesFor(deps, requireActor(request), request.query as ArticleListQuery),
  );
  app.post(
    '/api/knowledge/articles',
    {
      schema: {
        tags,
        summary: '新建知识条目 / create an article (version 1)',
        body: NewArticleSchema,
        response: { 201: ArticleViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createArticle(deps, requireActor(request), request.body as NewArticleInput)),
  );
  app.get(
    '/api/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: '知识条目详情及版本 / article with version history',
        params: ArticleIdParam,
        response: { 200: ArticleDetailViewSchema },
      },
    },
    async (request) => getArticle(deps, requireActor(request), request.params.id),
  );
  app.put(
    '/api/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: '修改知识条目（生成新版本）/ edit an article (new version; 409 if stale)',
        params: ArticleIdParam,
        body: UpdateArticleSchema,
        response: { 200: ArticleViewSchema },
      },
    },
    async (request) => updateArticle(deps, requireActor(request), request.params.id, request.body as UpdateArticleInput),
  );
  app.put(
    '/api/knowledge/articles/:id/public',
    {
      schema: {
        tags,
        summary: '在门户公开或取消公开 / show on the portal or take off (issue 16)',
        params: ArticleIdParam,
        body: Type.Object({ public: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ArticleViewSchema },
      },
    },
    async (request) => setArticlePublicFor(deps, requireActor(request), request.params.id, request.body.public),
  );
};
