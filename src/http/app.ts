import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorFromSession } from '../users/auth.service.js';
import { auditAdministrativeActs } from '../users/admin-acts.hook.js';
import { sessionToken } from './auth.js';
import type { AppContext } from './context.js';
import { handleError } from './errors.js';
import { registerBrowserProtections } from './browser-protections.js';
import { rejectUnsafeInput } from './input-guard.js';
import { domainError } from '../shared/errors.js';
import { blankMeansAbsentPlugin } from '../shared/schema.js';
import { registerRoutes } from './routes.js';
import { registerWebAssets } from './web-assets.js';
import { auditRefusals } from '../audit/refusal-audit.js';
import { requestLogSerializer } from './log-redaction.js';
import { OneLinePerRequest } from './request-log.js';
import { createMetrics } from '../ops/metrics.js';
import { opsRoutes } from '../ops/ops.routes.js';

export interface BuildOptions {
  /** A stream receives the log lines instead of stdout (tests read the development one-time codes from it). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Directory of the built web console; served when it exists. */
  webDir?: string;
}

type AjvCompilerOptions = NonNullable<FastifyServerOptions['ajv']>;

/** How request input is validated: coercion of query strings, and the schema kit's own keyword. */
export const AJV_OPTIONS: AjvCompilerOptions = {
  customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false },
  plugins: [blankMeansAbsentPlugin],
};

/** A hop count becomes Fastify's trust function (its types take no number); lists and booleans pass as they are. */
const trustProxyOption = (t: boolean | number | string[]) =>
  typeof t === 'number' ? (_address: string, hop: number) => hop < t : t;

/**
 * A request's id in every log line and in the x-request-id answer header: the caller's (a proxy's or
 * another system's, so one request can be followed across them) when it is a plain token, else a new one.
 */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // The request log never holds a full phone number (http/log-redaction.ts, ADR 0172); one line per
    // request, with its id (http/request-log.ts, ADR 0203).
    logger:
      typeof options.logger === 'object'
        ? { ...options.logger, serializers: { req: requestLogSerializer } }
        : (options.logger ?? false),
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // A client that joins a base URL ending in "/" with "/services.xml" asks for "//services.xml" (Open311, ADR 0181).
    routerOptions: { ignoreDuplicateSlashes: true },
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    ajv: AJV_OPTIONS,
    requestIdHeader: false,
    genReqId: requestId,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every request counts in /metrics (a root hook, so it sees every route).
  const metrics = createMetrics({ db: ctx.deps.db, clock: ctx.deps.clock, poolStats: ctx.poolStats });
  metrics.observeRequests(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler(handleError);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.attachmentMaxBytes, files: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'lianxin 连心桥 API', version: '0.1.0', description: '12345 政务服务便民热线工单平台' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lianxin_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  // The API's description is for signed-in staff unless an installation publishes it (LIANXIN_API_DOCS).
  if (ctx.config.apiDocs) await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: {}, staticCSP: true });
  await registerBrowserProtections(app, ctx.config);

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    request.actor = token ? await actorFromSession(ctx.deps, token) : null;
    // Sign-in is checked before input validation, so strangers learn nothing about the API's rules.
    if (
      request.url.startsWith('/api/') &&
      !(ctx.config.apiDocs && request.url.startsWith('/api/docs')) &&
      !request.routeOptions.config?.public &&
      !request.actor
    ) {
      throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
    }
  });

  // After validation, before any handler: no NUL byte, no infinite or inexact number (input-guard.ts).
  app.addHook('preHandler', rejectUnsafeInput);
  auditAdministrativeActs(app, ctx.deps);
  // Refused requests (403) are audited (ADR 0161).
  auditRefusals(app, ctx.deps);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: ctx.config.apiDocs } }, async () => app.swagger());
  await app.register(opsRoutes(metrics.registry), ctx);
  await registerRoutes(app, ctx);

  if (options.webDir) await registerWebAssets(app, options.webDir);
  return app;
}
