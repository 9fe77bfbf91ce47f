import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';
import {
  VerificationTaskListSchema,
  VerificationTaskSchema,
  VerifyAnswerBody,
  VerifyListQuery,
  VerifyRequestBody,
} from './verification.schemas.js';
import { readOneFile } from '../attachments/upload-reader.js';
import { AttachmentViewSchema } from '../orders/order-views.schemas.js';
import {
  answerVerification,
  attachVerificationPhoto,
  listOrderVerifications,
  listVerificationTasks,
  requestVerification,
} from './verification.service.js';

const tags = ['grids'];

/** 现场核实 (issue 18, ADR 0186): the centre sends, the grid worker answers from the site. */
export const verificationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/verification',
    {
      schema: {
        tags,
        summary: '发起现场核实 / send the order to its grid for on-site verification',
        params: OrderRefParam,
        body: VerifyRequestBody,
        response: { 201: VerificationTaskSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestVerification(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/orders/:id/verification-tasks',
    {
      schema: {
        tags,
        summary: '工单的现场核实 / the order’s verification tasks',
        params: OrderRefParam,
        response: { 200: VerificationTaskListSchema },
      },
    },
    async (request) => listOrderVerifications(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/api/verification-tasks',
    {
      schema: {
        tags,
        summary: '现场核实任务 / verification tasks (a grid worker: their grids only)',
        querystring: VerifyListQuery,
        response: { 200: VerificationTaskListSchema },
      },
    },
    async (request) => listVerificationTasks(deps, requireActor(request), request.query),
  );
  app.post(
    '/api/verification-tasks/:id/photo',
    {
      schema: {
        tags,
        summary: '现场照片（multipart，字段 file；图片或短视频）/ the photo taken on site, before the answer',
        consumes: ['multipart/form-data'],
        params: IdParam,
        response: { 201: AttachmentViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readOneFile(request, 'file', deps.settings);
      return reply.status(201).send(await attachVerificationPhoto(deps, actor, request.params.id, file));
    },
  );
  app.post(
    '/api/verification-tasks/:id/answer',
    {
      schema: {
        tags,
        summary: '答复现场核实 / answer from the site (result, note, GPS point, photo)',
        params: IdParam,
        body: VerifyAnswerBody,
        response: { 200: VerificationTaskSchema },
      },
    },
    async (request) => answerVerification(deps, requireActor(request), request.params.id, request.body),
  );
};
