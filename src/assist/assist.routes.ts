import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { OrderRefParam } from '../shared/schema.js';
import { AssistTaskSchema, AssistTasksSchema, OpinionBody, TaskParams, UrgeBody } from './assist.schemas.js';
import { listAssistInbox, listOrderAssist, signAssistTask, submitAssistOpinion, urgeAssistTask } from './assist.service.js';

const tags = ['assist'];

/** 协办 (ADR 0120): the order page's panel, the assisting unit's inbox, sign, opinion, urge. */
export const assistRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/:id/assist-tasks',
    {
      schema: {
        tags,
        summary: '工单的协办任务 / the assisting units of an order',
        params: OrderRefParam,
        response: { 200: AssistTasksSchema },
      },
    },
    async (request) => listOrderAssist(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/api/assist-tasks',
    { schema: { tags, summary: '本单位的协办任务 / my unit’s assisting tasks', response: { 200: AssistTasksSchema } } },
    async (request) => listAssistInbox(deps, requireActor(request)),
  );
  app.post(
    '/api/orders/:id/assist-tasks/:taskId/sign',
    {
      schema: { tags, summary: '协办签收 / sign for an assisting task', params: TaskParams, response: { 200: AssistTaskSchema } },
    },
    async (request) => signAssistTask(deps, requireActor(request), request.params.id, request.params.taskId),
  );
  app.post(
    '/api/orders/:id/assist-tasks/:taskId/opinion',
    {
      schema: {
        tags,
        summary: '提交协办意见 / submit the assisting opinion',
        params: TaskParams,
        body: OpinionBody,
        response: { 200: AssistTaskSchema },
      },
    },
    async (request) =>
      submitAssistOpinion(deps, requireActor(request), request.params.id, request.params.taskId, request.body.opinion),
  );
  app.post(
    '/api/orders/:id/assist-tasks/:taskId/urge',
    {
      schema: {
        tags,
        summary: '催办协办单位 / urge an assisting unit',
        params: TaskParams,
        body: UrgeBody,
        response: { 200: AssistTaskSchema },
      },
    },
    async (request) =>
      urgeAssistTask(deps, requireActor(request), request.params.id, request.params.taskId, request.body.note ?? null),
  );
};
