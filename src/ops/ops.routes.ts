import { createHash, timingSafeEqual } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { text } from '../i18n/messages.js';
import type { AppContext } from '../http/context.js';
import { errorBody } from '../http/errors.js';
import { FileSchema, wireSchema } from '../shared/wire-schema.js';
import { readinessProbe } from './readiness.service.js';

const LiveSchema = wireSchema<{ status: 'ok' }>()(Type.Object({ status: Type.Literal('ok') }));
const ReadySchema = wireSchema<{ status: 'ok'; checks: { database: 'ok'; migrations: 'ok' } }>()(
  Type.Object({
    status: Type.Literal('ok'),
    checks: Type.Object({ database: Type.Literal('ok'), migrations: Type.Literal('ok') }),
  }),
);
const ErrorSchema = wireSchema<ReturnType<typeof errorBody>>()(
  Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() }) }),
);
const NotReadySchema = wireSchema<{
  error: { code: string; message: string; messageEn: string; pending?: number; firstPending?: string; timeoutMs?: number };
}>()(
  Type.Object({
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messageEn: Type.String(),
      pending: Type.Optional(Type.Integer()),
      firstPending: Type.Optional(Type.String()),
      timeoutMs: Type.Optional(Type.Integer()),
    }),
  }),
);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may scrape /metrics: with LIANXIN_METRICS_TOKEN set, the bearer of it (no token: 401, another
 * token: 403; compared in constant time); otherwise only a process on this machine talking directly (no
 * proxy header), since the figures describe the load.
 */
function scrapeRefusal(request: FastifyRequest, token: string | undefined): 401 | 403 | null {
  if (token) {
    const given = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (given === undefined) return 401;
    return timingSafeEqual(digest(given), digest(token)) ? null : 403;
  }
  const direct = LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
  return direct ? null : 403;
}

/**
 * Liveness (/livez, and /healthz: the process answers), readiness (/readyz: the database answers and
 * its migrations are current) and Prometheus metrics (/metrics). An orchestrator restarts on liveness
 * and stops sending traffic on readiness, so a database outage takes processes out of rotation
 * instead of restarting every one of them in a loop (ADR 0203).
 */
export const opsRoutes =
  (registry: Registry): FastifyPluginAsyncTypebox<AppContext> =>
  async (app, ctx) => {
    const live = async () => ({ status: 'ok' as const });
    const liveSchema = { tags: ['system'], response: { 200: LiveSchema } };
    app.get('/livez', { schema: { ...liveSchema, summary: '存活检查 / liveness: the process answers' } }, live);
    app.get('/healthz', { schema: { ...liveSchema, summary: '健康检查 / health check (= liveness, /livez)' } }, live);

    const readiness = readinessProbe(ctx.deps.db);
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['system'],
          summary: '就绪检查 / readiness: the database answers, its migrations are current',
          response: { 200: ReadySchema, 503: NotReadySchema },
        },
      },
      async (_request, reply) => {
        const state = await readiness();
        if (state.ready) return { status: 'ok' as const, checks: state.checks };
        return reply.status(503).send(errorBody(state.code, text(state.message, state.details), state.details));
      },
    );

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['system'],
          summary: 'Prometheus 指标 / Prometheus metrics (LIANXIN_METRICS_TOKEN, or loopback only)',
          produces: ['text/plain'],
          response: { 200: FileSchema('Prometheus text exposition format 0.0.4'), 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (request, reply) => {
        const refusal = scrapeRefusal(request, ctx.config.metricsToken);
        if (refusal === 401) {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          return reply.status(401).send(errorBody('UNAUTHENTICATED', text('error.metricsTokenMissing')));
        }
        if (refusal === 403) return reply.status(403).send(errorBody('FORBIDDEN', text('error.metricsForbidden')));
        reply.header('content-type', registry.contentType);
        reply.header('cache-control', 'no-store');
        return reply.send(await registry.metrics());
      },
    );
  };
