import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorFromSession } from '../users/auth.service.js';
import { sessionToken } from './auth.js';
import type { AppContext } from './context.js';
import { handleError } from './errors.js';
import { domainError } from '../shared/errors.js';
import { blankMeansAbsentPlugin } from '../shared/schema.js';
import { registerRoutes } from './routes.js';
import { registerWebAssets } from './web-assets.js';

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

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    ajv: AJV_OPTIONS,
  }).withTypeProvider<TypeBoxTypeProvider>();

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
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: {}, staticCSP: true });

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    request.actor = token ? await actorFromSession(ctx.deps, token) : null;
    // Sign-in is checked before input validation, so strangers learn nothing about the API's rules.
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/docs') &&
      !request.routeOptions.config?.public &&
      !request.actor
    ) {
      throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  await registerRoutes(app, ctx);

  if (options.webDir) await registerWebAssets(app, options.webDir);
  return app;
}
