import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import {
  CriterionSchema,
  CriterionViewSchema,
  LineListSchema,
  LinePatchSchema,
  LineReportSchema,
  LineViewSchema,
  NewLineSchema,
  NewWindowSchema,
  ReportQuerySchema,
  WindowListSchema,
  WindowPatchSchema,
  WindowViewSchema,
} from './channels.schemas.js';
import {
  createLine,
  createWindow,
  editLine,
  editWindow,
  getCriterionFor,
  listLinesFor,
  listWindowsFor,
  setCriterion,
} from './channel-register.service.js';
import { mergedLineReportFor } from './merged-line-report.service.js';

const tags = ['channels'];

/** 受理渠道 (issue 16): the 办不成事 windows and merged-hotlines registers, the criterion, the report per line. */
export const channelRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/service-windows',
    { schema: { tags, summary: '办不成事反映窗口 / service windows', response: { 200: WindowListSchema } } },
    async (request) => listWindowsFor(deps, requireActor(request)),
  );
  app.post(
    '/api/service-windows',
    { schema: { tags, summary: '新增窗口 / add a window', body: NewWindowSchema, response: { 201: WindowViewSchema } } },
    async (request, reply) => reply.status(201).send(await createWindow(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/service-windows/:id',
    {
      schema: {
        tags,
        summary: '修改或停用窗口 / edit a window',
        params: IdParam,
        body: WindowPatchSchema,
        response: { 200: WindowViewSchema },
      },
    },
    async (request) => editWindow(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/merged-lines',
    { schema: { tags, summary: '归并热线登记 / merged hotlines', response: { 200: LineListSchema } } },
    async (request) => listLinesFor(deps, requireActor(request)),
  );
  app.post(
    '/api/merged-lines',
    {
      schema: { tags, summary: '登记归并热线 / register a merged line', body: NewLineSchema, response: { 201: LineViewSchema } },
    },
    async (request, reply) => reply.status(201).send(await createLine(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/merged-lines/:id',
    {
      schema: {
        tags,
        summary: '修改归并热线 / edit a merged line',
        params: IdParam,
        body: LinePatchSchema,
        response: { 200: LineViewSchema },
      },
    },
    async (request) => editLine(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/merged-lines/criterion',
    { schema: { tags, summary: '取消原号码的标准 / retirement criterion', response: { 200: CriterionViewSchema } } },
    async (request) => getCriterionFor(deps, requireActor(request)),
  );
  app.put(
    '/api/merged-lines/criterion',
    {
      schema: {
        tags,
        summary: '设置取消标准 / set the criterion',
        body: CriterionSchema,
        response: { 200: CriterionViewSchema },
      },
    },
    async (request) => setCriterion(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/merged-lines/report',
    {
      schema: {
        tags,
        summary: '归并热线月报 / monthly report per line',
        querystring: ReportQuerySchema,
        response: { 200: LineReportSchema },
      },
    },
    async (request) => mergedLineReportFor(deps, requireActor(request), request.query.month),
  );
};
