import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { listMyNotices, markMyNoticesRead } from './notice.service.js';
import { NoticeListViewSchema, NoticesMarkedViewSchema } from './notice.schemas.js';

const tags = ['notices'];

/** The signed-in user's in-app notices (deadline warnings, 催办, 督办, 领导盯办). */
export const noticeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '我的消息 / my notices',
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          kind: Type.Optional(Type.String({ maxLength: 200, description: 'kinds, comma-separated; `leader.*` names a family' })),
        }),
        response: { 200: NoticeListViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listMyNotices(deps, requireActor(request), {
        unreadOnly: request.query.unread,
        limit: request.query.limit,
        kind: request.query.kind,
      });
    },
  );
  app.post(
    '/api/notices/read',
    {
      schema: {
        tags,
        summary: '标记已读 / mark read (all when ids is omitted)',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: NoticesMarkedViewSchema },
      },
    },
    async (request) => markMyNoticesRead(deps, requireActor(request), request.body.ids),
  );
};
