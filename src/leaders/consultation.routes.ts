import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';
import { concludeConsultationBy, giveOpinion, listConsultationsFor, openConsultation } from './consultation.service.js';
import * as S from './leaders.schemas.js';

const tags = ['leaders'];

/** 会商: opened by a leader with several units, opinions per unit, the leader's conclusion. */
export const consultationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/consultations',
    {
      schema: {
        tags,
        summary: '发起会商 / open a consultation',
        params: OrderRefParam,
        body: S.ConsultationBody,
        response: { 201: S.ConsultationOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openConsultation(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/consultations',
    {
      schema: {
        tags,
        summary: "会商列表 / consultations (of an order, or a unit's pending ones)",
        querystring: S.ConsultationQuery,
        response: { 200: S.ItemsOf(S.ConsultationOut) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return { items: await listConsultationsFor(deps, requireActor(request), request.query) };
    },
  );
  app.post(
    '/api/consultations/:id/opinion',
    {
      schema: {
        tags,
        summary: "会商意见 / a unit's opinion",
        params: IdParam,
        body: S.OpinionBody,
        response: { 200: S.ConsultationOut },
      },
    },
    async (request) => giveOpinion(deps, requireActor(request), request.params.id, request.body.opinion),
  );
  app.post(
    '/api/consultations/:id/conclude',
    {
      schema: {
        tags,
        summary: '会商结论 / record the conclusion',
        params: IdParam,
        body: S.ConclusionBody,
        response: { 200: S.ConsultationOut },
      },
    },
    async (request) => concludeConsultationBy(deps, requireActor(request), request.params.id, request.body.conclusion),
  );
};
