import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../http/context.js';
import { errorAnswer } from '../http/errors.js';
import { text } from '../i18n/messages.js';
import { authenticateApiKey, refuseApiCaller, type ApiCaller } from '../apiclients/api-auth.service.js';
import type { ApiScope } from '../contract/api-clients.js';
import { domainError } from '../shared/errors.js';
import { FileSchema } from '../shared/wire-schema.js';
import { CONTENT_TYPE, FORMATS, renderErrors, renderOpen311, type Format, type Open311Value } from './open311-format.js';
import { listServices, resolveJurisdiction, serviceDefinition, type Centre } from './open311-services.service.js';
import { getRequest, listRequests, submitRequest, type Form } from './open311-requests.service.js';
import { listUpdates, postUpdate } from './open311-updates.service.js';
import { discoveryDocument } from './open311-discovery.js';
import { parseForm, formFromJson } from './open311-form.js';
import { listCentres } from '../org/unit.repository.js';

const tags = ['open311'];
const Document = FileSchema('Open311 GeoReport v2 document (XML or JSON by the extension)');
const FormatParam = Type.String({ description: 'xml or json' });
const Arg = Type.Optional(Type.String({ maxLength: 20_000 }));
const CommonQuery = { jurisdiction_id: Arg, api_key: Arg };
const FormBody = Type.Record(
  Type.String(),
  Type.Union([
    Type.String({ maxLength: 20_000 }),
    Type.Number(),
    Type.Boolean(),
    Type.Null(),
    Type.Array(Type.Union([Type.String({ maxLength: 20_000 }), Type.Number()]), { maxItems: 100 }),
    Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 20_000 }), Type.Array(Type.String({ maxLength: 20_000 }))])),
  ]),
);

/** The format named by the path's extension; anything else answers 400 in XML (the required format). */
function formatOf(request: FastifyRequest): Format | undefined {
  const given = (request.params as { format?: string } | undefined)?.format;
  return FORMATS.find((f) => f === given);
}

function send(reply: FastifyReply, format: Format, root: string, value: Open311Value, status = 200) {
  return reply
    .status(status)
    .type(CONTENT_TYPE[format])
    .send(renderOpen311(format, root, value));
}

/** Open311 answers 404 (unknown), 403 (key) or 400 (everything else); rate limits keep their 429. */
const open311Status = (status: number) => ([403, 404, 429].includes(status) ? status : status >= 500 ? 500 : 400);

/**
 * Open311 GeoReport v2 at /open311/v2/ (ADR 0181): discovery, services, service definitions,
 * requests (GET list, GET one, POST with an API client's key), tokens (realtime: none exist) and
 * mySociety's servicerequestupdates. Errors in the Open311 format; unknown paths under /open311 are
 * Open311 404s, never the console's page.
 */
export const open311Routes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_req, body, done) => done(null, parseForm(body as string)),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = errorAnswer(error, request);
    const status = open311Status(answer.status);
    if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
    const msg = answer.body.error;
    const description = msg.message === msg.messageEn ? msg.message : `${msg.message} (${msg.messageEn})`;
    return reply
      .status(status)
      .type(CONTENT_TYPE[formatOf(request) ?? 'xml'])
      .send(renderErrors(formatOf(request) ?? 'xml', [{ code: status, description }]));
  });

  app.setNotFoundHandler((request, reply) => {
    const ext = /\.(xml|json)(\?|$)/.exec(request.url)?.[1] as Format | undefined;
    const format = ext ?? 'xml';
    const t = text('open311.noEndpoint');
    return reply
      .status(404)
      .type(CONTENT_TYPE[format])
      .send(renderErrors(format, [{ code: 404, description: `${t.zh} (${t.en})` }]));
  });

  const format = (request: FastifyRequest): Format => {
    const f = formatOf(request);
    if (!f) throw domainError('VALIDATION', 'open311.unknownFormat', {}, { field: 'format' });
    return f;
  };

  /** The key's client, for this jurisdiction: another centre's key is a refused key (403). */
  const caller = async (
    request: FastifyRequest,
    key: string | undefined,
    scope: ApiScope,
    centre: Centre,
  ): Promise<ApiCaller> => {
    const found = await authenticateApiKey(deps, {
      key: key ?? (request.headers['x-api-key'] as string | undefined),
      ip: request.ip,
      scope,
      route: `${request.method} ${request.routeOptions.url ?? ''}`,
    });
    if (found.centreId !== centre.id) return refuseApiCaller(deps, found, 'other_centre', { jurisdiction: centre.code });
    return found;
  };

  const discovery = async (request: FastifyRequest, reply: FastifyReply, fmt: Format) => {
    const centres = await listCentres(deps.db);
    return send(reply, fmt, 'discovery', discoveryDocument(request, centres));
  };

  app.get(
    '/v2/discovery.:format',
    { schema: { tags, summary: 'Open311 discovery', params: Type.Object({ format: FormatParam }), response: { 200: Document } } },
    async (request, reply) => discovery(request, reply, format(request)),
  );
  for (const url of ['/v2', '/v2/']) {
    app.get(
      url,
      { schema: { tags, summary: 'Open311 discovery (XML) at the base URL', response: { 200: Document } } },
      async (request, reply) => discovery(request, reply, 'xml'),
    );
  }

  app.get(
    '/v2/services.:format',
    {
      schema: {
        tags,
        summary: 'Open311 services: the active leaf categories',
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const centre = await resolveJurisdiction(deps, request.query.jurisdiction_id);
      return send(reply, fmt, 'services', await listServices(deps, centre.id));
    },
  );

  app.get(
    '/v2/services/:code.:format',
    {
      schema: {
        tags,
        summary: 'Open311 service definition (attributes)',
        params: Type.Object({ code: Type.String({ maxLength: 100 }), format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const centre = await resolveJurisdiction(deps, request.query.jurisdiction_id);
      return send(reply, fmt, 'service_definition', await serviceDefinition(deps, centre.id, request.params.code));
    },
  );

  app.post(
    '/v2/requests.:format',
    {
      schema: {
        tags,
        summary: 'Open311 POST a service request (api_key with the submit scope)',
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        body: FormBody,
        response: { 200: Document, 201: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const form = { ...formFromJson(request.query), ...formFromJson(request.body) };
      const centre = await jurisdictionFor(form);
      const who = await caller(request, one(form.api_key), 'submit', centre);
      return send(reply, fmt, 'service_requests', await submitRequest(deps, who, form));
    },
  );

  const jurisdictionFor = (form: Form) => resolveJurisdiction(deps, one(form.jurisdiction_id));

  app.get(
    '/v2/requests.:format',
    {
      schema: {
        tags,
        summary: 'Open311 GET service requests (ids override; service_code, start/end, status; 90 days, 1,000)',
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({
          ...CommonQuery,
          service_request_id: Arg,
          service_code: Arg,
          start_date: Arg,
          end_date: Arg,
          status: Arg,
        }),
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const centre = await resolveJurisdiction(deps, request.query.jurisdiction_id);
      const reader = request.query.api_key ? await caller(request, request.query.api_key, 'read', centre) : null;
      return send(reply, fmt, 'service_requests', await listRequests(deps, centre.id, request.query, reader));
    },
  );

  app.get(
    '/v2/requests/:id.:format',
    {
      schema: {
        tags,
        summary: 'Open311 GET one service request',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const centre = await resolveJurisdiction(deps, request.query.jurisdiction_id);
      const reader = request.query.api_key ? await caller(request, request.query.api_key, 'read', centre) : null;
      return send(reply, fmt, 'service_requests', await getRequest(deps, centre.id, request.params.id, reader));
    },
  );

  app.get(
    '/v2/tokens/:token.:format',
    {
      schema: {
        tags,
        summary: 'Open311 tokens: this server answers POST in real time, so no token exists (404)',
        params: Type.Object({ token: Type.String({ maxLength: 100 }), format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        response: { 200: Document },
      },
    },
    async (request) => {
      format(request);
      await resolveJurisdiction(deps, request.query.jurisdiction_id);
      throw domainError('NOT_FOUND', 'error.notFound', { what: 'token' });
    },
  );

  app.get(
    '/v2/servicerequestupdates.:format',
    {
      schema: {
        tags,
        summary: 'mySociety: updates of this client’s requests (api_key with the read scope)',
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object({ ...CommonQuery, start_date: Arg, end_date: Arg }),
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const centre = await resolveJurisdiction(deps, request.query.jurisdiction_id);
      const who = await caller(request, request.query.api_key, 'read', centre);
      return send(reply, fmt, 'service_request_updates', await listUpdates(deps, who, request.query));
    },
  );

  app.post(
    '/v2/servicerequestupdates.:format',
    {
      schema: {
        tags,
        summary: 'mySociety: add the citizen’s words to a request this client submitted (submit scope)',
        params: Type.Object({ format: FormatParam }),
        querystring: Type.Object(CommonQuery),
        body: FormBody,
        response: { 200: Document },
      },
    },
    async (request, reply) => {
      const fmt = format(request);
      const form = { ...formFromJson(request.query), ...formFromJson(request.body) };
      const centre = await jurisdictionFor(form);
      const who = await caller(request, one(form.api_key), 'submit', centre);
      return send(reply, fmt, 'service_request_updates', await postUpdate(deps, who, form));
    },
  );
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
