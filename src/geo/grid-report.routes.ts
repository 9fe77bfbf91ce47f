import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { readGridReport } from './grid-report-input.js';
import { GridReportListSchema, GridReportReceiptSchema } from './grid-report.schemas.js';
import { listMyGridReports, submitGridReport } from './grid-report.service.js';

const tags = ['grids'];

/** 网格上报 (issue 18, ADR 0186 amendment): grid workers and reporters report from the phone page. */
export const gridReportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/grid-reports',
    {
      schema: {
        tags,
        summary: '网格上报 / report an issue found in my grid (becomes an order, channel grid)',
        description:
          'multipart/form-data: the fields of GridReport (text, categoryId, address, lat, lng, coordSystem, urgent) and up to 5 files named `files` (photos; short videos MP4/MOV/WebM under LIANXIN_VIDEO_MAX_BYTES); or a JSON body with the same fields and no files. The point must lie in a grid the reporter belongs to.',
        consumes: ['multipart/form-data', 'application/json'],
        response: { 201: GridReportReceiptSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { input, files } = await readGridReport(request, deps.settings);
      return reply.status(201).send(await submitGridReport(deps, actor, input, files));
    },
  );
  app.get(
    '/api/grid-reports',
    { schema: { tags, summary: '我的上报 / my grid reports', response: { 200: GridReportListSchema } } },
    async (request) => listMyGridReports(deps, requireActor(request)),
  );
};
