import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../http/context.js';
import type { ApiClientChanges, NewApiClientInput } from '../contract/api-clients.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import {
  ApiClientChangesSchema,
  ApiClientListViewSchema,
  ApiClientViewSchema,
  ClientKeyParams,
  CreatedApiClientSchema,
  IssuedApiKeySchema,
  NewApiClientSchema,
  NewKeySchema,
} from './api-client.schemas.js';
import {
  changeApiClient,
  createApiClient,
  getClient,
  issueApiKey,
  listClients,
  revokeApiClient,
  revokeApiKey,
} from './api-client.service.js';

const tags = ['api-clients'];

/** 接口客户端 (ADR 0180): the system administrator registers outside systems and issues their keys. */
export const apiClientRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.addHook('onSend', async (_request, reply) => void noStore(reply));

  app.get(
    '/api/api-clients',
    { schema: { tags, summary: '接口客户端列表 / API clients', response: { 200: ApiClientListViewSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return { clients: await listClients(deps, actor, actor.centreId) };
    },
  );

  app.post(
    '/api/api-clients',
    {
      schema: {
        tags,
        summary: '登记接口客户端（并签发首个密钥）/ register an API client and issue its first key',
        body: NewApiClientSchema,
        querystring: Type.Object({ issueKey: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 201: CreatedApiClientSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createApiClient(deps, actor, actor.centreId, request.body as NewApiClientInput, {
        issueKey: request.query.issueKey ?? true,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/api-clients/:id',
    { schema: { tags, summary: '接口客户端 / one API client', params: IdParam, response: { 200: ApiClientViewSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return getClient(deps, actor, actor.centreId, request.params.id);
    },
  );

  app.patch(
    '/api/api-clients/:id',
    {
      schema: {
        tags,
        summary: '修改接口客户端 / change an API client',
        params: IdParam,
        body: ApiClientChangesSchema,
        response: { 200: ApiClientViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return changeApiClient(deps, actor, actor.centreId, request.params.id, request.body as ApiClientChanges);
    },
  );

  app.post(
    '/api/api-clients/:id/revoke',
    {
      schema: { tags, summary: '停用接口客户端 / revoke an API client', params: IdParam, response: { 200: ApiClientViewSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      return revokeApiClient(deps, actor, actor.centreId, request.params.id);
    },
  );

  app.post(
    '/api/api-clients/:id/keys',
    {
      schema: {
        tags,
        summary: '签发密钥（只显示一次）/ issue a key (shown once)',
        params: IdParam,
        body: NewKeySchema,
        response: { 201: IssuedApiKeySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const issued = await issueApiKey(deps, actor, actor.centreId, request.params.id, request.body.label ?? '');
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/api/api-clients/:id/keys/:keyId/revoke',
    {
      schema: {
        tags,
        summary: '停用密钥 / revoke a key',
        params: ClientKeyParams,
        response: { 200: ApiClientViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return revokeApiKey(deps, actor, actor.centreId, request.params.id, request.params.keyId);
    },
  );
};
