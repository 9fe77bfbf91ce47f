import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ClientWebhookChanges, NewClientWebhookInput } from '../contract/client-webhooks.js';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import { NoContent } from '../shared/wire-schema.js';
import {
  DeliveriesQuery,
  DeliveryListSchema,
  NewWebhookSchema,
  PingSchema,
  WebhookChangesSchema,
  WebhookListSchema,
  WebhookParams,
  WebhookViewSchema,
  WebhookWithSecretSchema,
} from './client-webhook.schemas.js';
import {
  changeClientWebhook,
  createClientWebhook,
  deleteClientWebhook,
  listClientWebhooks,
  listWebhookDeliveries,
  pauseClientWebhook,
  pingClientWebhook,
  resumeClientWebhook,
  rotateWebhookSecret,
} from './client-webhook.service.js';

const tags = ['api-clients'];
const BASE = '/api/api-clients/:id/webhooks';

/** 回调订阅 (ADR 0182): the system administrator subscribes an API client's URLs to its appeals' events. */
export const clientWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.addHook('onSend', async (_request, reply) => void noStore(reply));
  const target = (request: { params: { id: string } }, centreId: string) => ({ centreId, clientId: request.params.id });

  app.get(
    BASE,
    { schema: { tags, summary: '回调订阅列表 / webhook subscriptions', params: IdParam, response: { 200: WebhookListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return listClientWebhooks(deps, actor, target(request, actor.centreId));
    },
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: '添加回调订阅（密钥只显示一次）/ subscribe a URL (secret shown once)',
        params: IdParam,
        body: NewWebhookSchema,
        response: { 201: WebhookWithSecretSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createClientWebhook(
        deps,
        actor,
        target(request, actor.centreId),
        request.body as NewClientWebhookInput,
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    `${BASE}/:webhookId`,
    {
      schema: {
        tags,
        summary: '修改回调订阅 / change a subscription',
        params: WebhookParams,
        body: WebhookChangesSchema,
        response: { 200: WebhookViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const changes = request.body as ClientWebhookChanges;
      return changeClientWebhook(deps, actor, target(request, actor.centreId), request.params.webhookId, changes);
    },
  );

  app.delete(
    `${BASE}/:webhookId`,
    { schema: { tags, summary: '删除回调订阅 / delete a subscription', params: WebhookParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await deleteClientWebhook(deps, actor, target(request, actor.centreId), request.params.webhookId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/:webhookId/rotate-secret`,
    {
      schema: {
        tags,
        summary: '更换签名密钥（只显示一次）/ rotate the signing secret (shown once)',
        params: WebhookParams,
        response: { 200: WebhookWithSecretSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return rotateWebhookSecret(deps, actor, target(request, actor.centreId), request.params.webhookId);
    },
  );

  for (const [verb, summary, act] of [
    ['pause', '暂停推送 / pause', pauseClientWebhook],
    ['resume', '恢复推送（失败计数清零）/ resume (failures counted from zero)', resumeClientWebhook],
  ] as const) {
    app.post(
      `${BASE}/:webhookId/${verb}`,
      { schema: { tags, summary, params: WebhookParams, response: { 200: WebhookViewSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return act(deps, actor, target(request, actor.centreId), request.params.webhookId);
      },
    );
  }

  app.post(
    `${BASE}/:webhookId/ping`,
    {
      schema: {
        tags,
        summary: '发送测试推送（经后台队列）/ send a test ping (through the outbox)',
        params: WebhookParams,
        response: { 202: PingSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const queued = await pingClientWebhook(deps, actor, target(request, actor.centreId), request.params.webhookId);
      return reply.status(202).send(queued);
    },
  );

  app.get(
    `${BASE}/:webhookId/deliveries`,
    {
      schema: {
        tags,
        summary: '投递记录（每次尝试一行）/ delivery log (a row per attempt)',
        params: WebhookParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const t = target(request, actor.centreId);
      return listWebhookDeliveries(deps, actor, t, request.params.webhookId, request.query.limit);
    },
  );
};
