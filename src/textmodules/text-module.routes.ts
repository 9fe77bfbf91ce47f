import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';
import {
  FilledTextModulesSchema,
  NewTextModuleSchema,
  OrderModulesQuery,
  TextModuleListSchema,
  TextModulePatchSchema,
  TextModuleViewSchema,
} from './text-module.schemas.js';
import { createTextModule, editTextModule, listModulesForAdmin, textModulesForOrder } from './text-module.service.js';

const tags = ['text-modules'];

/** 文本模块: admin of the snippets, and the snippets filled for one order (the `::` popup). */
export const textModuleRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/text-modules',
    { schema: { tags, summary: '文本模块 / text modules (admin)', response: { 200: TextModuleListSchema } } },
    async (request) => listModulesForAdmin(deps, requireActor(request)),
  );
  app.post(
    '/api/text-modules',
    {
      schema: {
        tags,
        summary: '新建文本模块 / create a text module',
        body: NewTextModuleSchema,
        response: { 201: TextModuleViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTextModule(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/text-modules/:id',
    {
      schema: {
        tags,
        summary: '修改或停用 / edit or deactivate',
        params: IdParam,
        body: TextModulePatchSchema,
        response: { 200: TextModuleViewSchema },
      },
    },
    async (request) => editTextModule(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/orders/:id/text-modules',
    {
      schema: {
        tags,
        summary: '本工单可用的文本模块（已填变量） / modules for this order and dialog, filled',
        params: OrderRefParam,
        querystring: OrderModulesQuery,
        response: { 200: FilledTextModulesSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return textModulesForOrder(deps, requireActor(request), request.params.id, request.query.dialog ?? null);
    },
  );
};
