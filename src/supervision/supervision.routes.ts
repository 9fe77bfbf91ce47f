import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { StringEnum, IdParam, OrderRefParam, WrittenText } from '../shared/schema.js';
import {
  addLeaderFollowup,
  closeSupervision,
  endLeaderFollowup,
  issueSupervision,
  listLeaderFollowupsFor,
  listSupervisionsFor,
  respondToSupervision,
  urgeOrder,
} from './supervision.service.js';
import {
  FollowupAddedSchema,
  FollowupClosedSchema,
  LeaderFollowupListSchema,
  SupervisionListSchema,
  SupervisionRecordSchema,
  UrgedSchema,
} from './supervision.schemas.js';

const tags = ['supervision'];
const OrderParam = OrderRefParam;
const Text = (max = 2000) => WrittenText(max);
const strict = { additionalProperties: false };

/** 催办, 督办单 and 领导盯办. */
export const supervisionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/urge',
    {
      schema: {
        tags,
        summary: '催办 / remind the unit (supervisor)',
        params: OrderParam,
        body: Type.Object({ note: Text() }, strict),
        response: { 200: UrgedSchema },
      },
    },
    async (request) => urgeOrder(deps, requireActor(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/orders/:id/supervisions',
    {
      schema: {
        tags,
        summary: '发督办单 / issue a supervision order (supervisor)',
        params: OrderParam,
        body: Type.Object({ reason: Text(), dueWorkingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })) }, strict),
        response: { 201: SupervisionRecordSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueSupervision(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/supervisions',
    {
      schema: {
        tags,
        summary: '督办单列表 / supervision orders',
        querystring: Type.Object({
          status: Type.Optional(StringEnum(['open', 'responded', 'closed'] as const)),
          orderId: Type.Optional(Type.String({ format: 'uuid' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: SupervisionListSchema },
      },
    },
    async (request) => ({ items: await listSupervisionsFor(deps, requireActor(request), request.query as { status?: string }) }),
  );
  app.post(
    '/api/supervisions/:id/respond',
    {
      schema: {
        tags,
        summary: '书面答复督办单 / the unit answers',
        params: IdParam,
        body: Type.Object({ response: Text(8000) }, strict),
        response: { 200: SupervisionRecordSchema },
      },
    },
    async (request) => respondToSupervision(deps, requireActor(request), request.params.id, request.body.response),
  );
  app.post(
    '/api/supervisions/:id/close',
    {
      schema: {
        tags,
        summary: '办结督办单 / close (supervisor)',
        params: IdParam,
        body: Type.Object({ note: Text() }, strict),
        response: { 200: SupervisionRecordSchema },
      },
    },
    async (request) => closeSupervision(deps, requireActor(request), request.params.id, request.body.note),
  );
  app.get(
    '/api/leader-followups',
    {
      schema: {
        tags,
        summary: '领导盯办列表 / leader follow-up list',
        querystring: Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }),
        response: { 200: LeaderFollowupListSchema },
      },
    },
    async (request) => ({ items: await listLeaderFollowupsFor(deps, requireActor(request), request.query.open ?? true) }),
  );
  app.post(
    '/api/orders/:id/leader-followup',
    {
      schema: {
        tags,
        summary: '纳入领导盯办 / add to the list',
        params: OrderParam,
        body: Type.Object({ reason: Text() }, strict),
        response: { 200: FollowupAddedSchema },
      },
    },
    async (request) => addLeaderFollowup(deps, requireActor(request), request.params.id, request.body.reason),
  );
  app.delete(
    '/api/orders/:id/leader-followup',
    {
      schema: { tags, summary: '结束领导盯办 / take off the list', params: OrderParam, response: { 200: FollowupClosedSchema } },
    },
    async (request) => endLeaderFollowup(deps, requireActor(request), request.params.id),
  );
};
