import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { createCategory, updateCategory } from './category-admin.service.js';
import { IdParam, WrittenText } from '../shared/schema.js';
import { CategoryNodeViewSchema } from './org.schemas.js';

/** Category administration for the system admin: add, rename, disable or re-enable a category. */
export const categoryAdminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/categories',
    {
      schema: {
        tags: ['admin'],
        summary: '新建诉求分类 / create category',
        body: Type.Object(
          {
            parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
            code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }),
            name: WrittenText(100),
          },
          { additionalProperties: false },
        ),
        response: { 201: CategoryNodeViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCategory(deps, requireActor(request), request.body)),
  );

  app.patch(
    '/api/categories/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '修改、停用或启用分类，设置别名 / rename, disable or enable a category, set its aliases',
        description: 'active=false disables the category and its subtree for new orders; existing orders keep their category.',
        params: IdParam,
        body: Type.Object(
          {
            name: Type.Optional(WrittenText(100)),
            active: Type.Optional(Type.Boolean()),
            aliases: Type.Optional(
              Type.Array(Type.String({ maxLength: 200 }), {
                maxItems: 200,
                description: '检索别名 / search aliases (≤20, 1–20 chars)',
              }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CategoryNodeViewSchema },
      },
    },
    async (request) => updateCategory(deps, requireActor(request), request.params.id, request.body),
  );
};
