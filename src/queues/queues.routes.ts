import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { chooseColumns, columnsOf, listFiltersOf, removeFilter, saveFilter } from './queue-prefs.service.js';
import {
  BulkResultViewSchema,
  NewSavedFilterSchema,
  NoContent,
  QueueColumnsSchema,
  QueueColumnsViewSchema,
  QueueFilterParam,
  QueueParam,
  SavedFilterSchemas,
} from './queues.schemas.js';
import { bulkAct } from './bulk.service.js';
import { BulkRequestSchema } from './queues.schemas.js';

const tags = ['queues'];

/** Saved filters and column choice per user per queue; bulk actions on a queue's selected orders. */
export const queueRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/queues/:queue/filters',
    { schema: { tags, summary: '已保存的筛选 / saved filters', params: QueueParam, response: { 200: SavedFilterSchemas.list } } },
    async (request) => listFiltersOf(deps, requireActor(request), request.params.queue),
  );
  app.post(
    '/api/queues/:queue/filters',
    {
      schema: {
        tags,
        summary: '保存筛选 / save a filter',
        params: QueueParam,
        body: NewSavedFilterSchema,
        response: { 201: SavedFilterSchemas.one },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveFilter(deps, requireActor(request), request.params.queue, request.body)),
  );
  app.delete(
    '/api/queues/:queue/filters/:id',
    { schema: { tags, summary: '删除筛选 / delete a saved filter', params: QueueFilterParam, response: { 204: NoContent } } },
    async (request, reply) => {
      await removeFilter(deps, requireActor(request), request.params.queue, request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/queues/:queue/columns',
    { schema: { tags, summary: '列设置 / column choice', params: QueueParam, response: { 200: QueueColumnsViewSchema } } },
    async (request) => columnsOf(deps, requireActor(request), request.params.queue),
  );
  app.put(
    '/api/queues/:queue/columns',
    {
      schema: {
        tags,
        summary: '保存列设置 / choose columns',
        params: QueueParam,
        body: QueueColumnsSchema,
        response: { 200: QueueColumnsViewSchema },
      },
    },
    async (request) => chooseColumns(deps, requireActor(request), request.params.queue, request.body.columns),
  );
  app.post(
    '/api/orders/bulk',
    {
      schema: {
        tags,
        summary: '批量签收/派单/催办 / bulk sign, dispatch, urge',
        body: BulkRequestSchema,
        response: { 200: BulkResultViewSchema },
      },
    },
    async (request) => bulkAct(deps, requireActor(request), request.body),
  );
};
