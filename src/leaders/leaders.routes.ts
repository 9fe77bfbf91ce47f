import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';
import { endLeaderCaseOf, findOrderLeaderCase, listMyLeaderCases, takeLeaderCase } from './leader-case.service.js';
import { acknowledgeInstruction, answerInstruction, listInstructionsFor, writeInstruction } from './instruction.service.js';
import { markDifficult, unmarkDifficult } from './difficult.service.js';
import { getLeaderSettings, setLeaderSettings } from './leader-settings.service.js';
import * as S from './leaders.schemas.js';
import type { InstructionStatus } from '../contract/leaders.js';

const tags = ['leaders'];

/** 包案, 批示, 疑难件 by hand and the centre's leader settings (会商: consultation.routes.ts). */
export const leaderRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/leader-cases',
    {
      schema: {
        tags,
        summary: '我的包案 / my own cases (leader)',
        querystring: Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }),
        response: { 200: S.ItemsOf(S.LeaderCaseOut) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return { items: await listMyLeaderCases(deps, requireActor(request), request.query.open ?? true) };
    },
  );
  app.get(
    '/api/orders/:id/leader-case',
    {
      schema: {
        tags,
        summary: '工单的包案领导 / who owns the order',
        params: OrderRefParam,
        response: { 200: Type.Object({ case: Type.Union([S.LeaderCaseOut, Type.Null()]) }) },
      },
    },
    async (request) => ({ case: await findOrderLeaderCase(deps, requireActor(request), request.params.id) }),
  );
  app.post(
    '/api/orders/:id/leader-case',
    {
      schema: {
        tags,
        summary: '领导包案 / take the order as owner',
        params: OrderRefParam,
        body: S.CaseBody,
        response: { 201: S.LeaderCaseOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await takeLeaderCase(deps, requireActor(request), request.params.id, request.body.note)),
  );
  app.delete(
    '/api/orders/:id/leader-case',
    { schema: { tags, summary: '结束包案 / end the case', params: OrderRefParam, response: { 200: S.EndedOut } } },
    async (request) => endLeaderCaseOf(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/orders/:id/instructions',
    {
      schema: {
        tags,
        summary: '领导批示 / instruct the lead unit',
        params: OrderRefParam,
        body: S.InstructionBody,
        response: { 201: S.InstructionOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await writeInstruction(deps, requireActor(request), request.params.id, request.body.text)),
  );
  app.get(
    '/api/instructions',
    {
      schema: {
        tags,
        summary: '批示列表 / instructions (of an order, a unit, a leader)',
        querystring: S.InstructionQuery,
        response: { 200: S.ItemsOf(S.InstructionOut) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { orderId, status } = request.query;
      return {
        items: await listInstructionsFor(deps, requireActor(request), {
          orderId,
          statuses: status ? (status.split(',') as InstructionStatus[]) : undefined,
        }),
      };
    },
  );
  app.post(
    '/api/instructions/:id/acknowledge',
    { schema: { tags, summary: '签收批示 / acknowledge (lead unit)', params: IdParam, response: { 200: S.InstructionOut } } },
    async (request) => acknowledgeInstruction(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/instructions/:id/answer',
    {
      schema: {
        tags,
        summary: '答复批示 / answer (lead unit)',
        params: IdParam,
        body: S.AnswerBody,
        response: { 200: S.InstructionOut },
      },
    },
    async (request) => answerInstruction(deps, requireActor(request), request.params.id, request.body.answer),
  );
  app.post(
    '/api/orders/:id/difficult',
    {
      schema: {
        tags,
        summary: '标记疑难件 / mark difficult (leader, supervisor)',
        params: OrderRefParam,
        body: S.DifficultBody,
        response: { 200: S.DifficultOut },
      },
    },
    async (request) => markDifficult(deps, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/orders/:id/difficult/unmark',
    {
      schema: {
        tags,
        summary: '撤销疑难件 / take the difficult mark off (leader, supervisor)',
        params: OrderRefParam,
        body: S.DifficultBody,
        response: { 200: S.DifficultOut },
      },
    },
    async (request) => unmarkDifficult(deps, requireActor(request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/leader-settings',
    { schema: { tags, summary: '领导催办/督办设置 / may leaders urge and supervise', response: { 200: S.SettingsOut } } },
    async (request) => getLeaderSettings(deps, requireActor(request)),
  );
  app.put(
    '/api/leader-settings',
    {
      schema: { tags, summary: '设置领导催办/督办 / set (admin)', body: S.SettingsBody, response: { 200: S.SettingsOut } },
    },
    async (request) => setLeaderSettings(deps, requireActor(request), request.body),
  );
};
