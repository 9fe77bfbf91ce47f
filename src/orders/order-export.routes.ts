import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { exportOrdersCsv } from './order-export.service.js';
import { OrderListQuerySchema } from './order.schemas.js';
import { FileSchema } from '../shared/wire-schema.js';

const ExportQuerySchema = Type.Omit(OrderListQuerySchema, ['limit', 'offset']);

export const orderExportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/export.csv',
    {
      schema: {
        tags: ['orders'],
        summary: '导出工单列表 CSV / export the order list as CSV (same filters as the list)',
        querystring: ExportQuerySchema,
        produces: ['text/csv'],
        response: { 200: FileSchema('CSV（UTF-8，带 BOM）/ CSV, UTF-8 with BOM') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { chunks } = await exportOrdersCsv(deps, actor, request.query, { exportedBy: `${actor.label}（${actor.username}）` });
      const day = deps.clock.now().toISOString().slice(0, 10);
      noStore(reply);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header(
        'content-disposition',
        `attachment; filename="orders-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`工单导出-${day}.csv`)}`,
      );
      return reply.send(Readable.from(chunks));
    },
  );
};
