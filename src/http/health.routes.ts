import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { text } from '../i18n/messages.js';
import type { AppContext } from './context.js';
import { errorBody } from './errors.js';

export const healthRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get('/healthz', { schema: { tags: ['system'], summary: '健康检查 / health check' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.deps.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send(errorBody('DB_DOWN', text('error.dbDown')));
    }
  });
};
