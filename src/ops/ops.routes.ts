import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { text } from '../i18n/messages.js';
import type { AppContext } from '../http/context.js';
import { errorBody } from '../http/errors.js';
import { FileSchema, wireSchema } from '../shared/wire-schema.js';
import type { Registry } from 'prom-client';
import { pingDatabase } from './ops.repository.js';

const StatusSchema = wireSchema<{ status: 'ok' }>()(Type.Object({ status: Type.Literal('ok') }));
const ErrorSchema = wireSchema<ReturnType<typeof errorBody>>()(
  Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() }) }),
);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape /metrics: the bearer of LIANXIN_METRICS_TOKEN when one is set; otherwise only a
 * process on this machine talking directly (no proxy header), since the figures describe the load.
 */
function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return request.headers.authorization === `Bearer ${token}`;
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
}

/**
 * Liveness (/livez: the process answers), readiness (/readyz, and /healthz as before: the database
 * answers too) and Prometheus metrics (/metrics). An orchestrator restarts on liveness and stops
 * sending traffic on readiness, so a database outage does not restart every process in a loop.
 */
export const opsRoutes =
  (registry: Registry): FastifyPluginAsyncTypebox<AppContext> =>
  async (app, ctx) => {
    app.get(
      '/livez',
      { schema: { tags: ['system'], summary: '存活检查 / liveness: the process answers', response: { 200: StatusSchema } } },
      async () => ({ status: 'ok' as const }),
    );

    const ready = async (_req: FastifyRequest, reply: import('fastify').FastifyReply) => {
      try {
        await pingDatabase(ctx.deps.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send(errorBody('DB_DOWN', text('error.dbDown')));
      }
    };
    const readySchema = { tags: ['system'], response: { 200: StatusSchema, 503: ErrorSchema } };
    app.get('/readyz', { schema: { ...readySchema, summary: '就绪检查 / readiness: the database answers' } }, ready);
    app.get('/healthz', { schema: { ...readySchema, summary: '健康检查 / health check (= readiness)' } }, ready);

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['system'],
          summary: 'Prometheus 指标 / Prometheus metrics (LIANXIN_METRICS_TOKEN, or loopback only)',
          produces: ['text/plain'],
          response: { 200: FileSchema('Prometheus text exposition format 0.0.4'), 403: ErrorSchema },
        },
      },
      async (request, reply) => {
        if (!mayScrape(request, ctx.config.metricsToken)) {
          return reply.status(403).send(errorBody('FORBIDDEN', text('error.metricsForbidden')));
        }
        reply.header('content-type', registry.contentType);
        reply.header('cache-control', 'no-store');
        return reply.send(await registry.metrics());
      },
    );
  };
