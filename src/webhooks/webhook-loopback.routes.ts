import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../http/context.js';
import { domainError } from '../shared/errors.js';
import { NoContent } from '../shared/wire-schema.js';
import { checkLoopbackDelivery } from './webhook-loopback.service.js';
import { WEBHOOK_HEADERS } from './webhook-signature.js';

export const LOOPBACK_PATH = '/api/webhooks/loopback';

/**
 * The server's own webhook receiver (ADR 0182; the demo's subscription points here): public, the
 * body read as the exact bytes that were signed. 204 when the signature and timestamp hold, else 401.
 */
export const webhookLoopbackRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    (request as { rawBody?: string }).rawBody = String(body);
    done(null, {});
  });
  app.post(
    LOOPBACK_PATH,
    {
      config: { public: true },
      schema: {
        tags: ['api-clients'],
        summary: '本机回调接收端（验证签名）/ the server’s own webhook receiver (checks the signature)',
        body: Type.Object({}),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const header = (name: string) => {
        const v = request.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const check = await checkLoopbackDelivery(deps, {
        webhookId: header(WEBHOOK_HEADERS.webhook),
        raw: (request as { rawBody?: string }).rawBody ?? '',
        timestamp: header(WEBHOOK_HEADERS.timestamp),
        signature: header(WEBHOOK_HEADERS.signature),
      });
      if (!check.ok) throw domainError('UNAUTHENTICATED', 'error.unauthenticated', {}, { reason: check.reason });
      return reply.status(204).send();
    },
  );
};
