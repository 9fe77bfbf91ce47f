import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { retentionView, setRetentionYearsAs } from './retention.service.js';

const RetentionSchema = Type.Object({
  retentionYears: Type.Integer(),
  closedBefore: Type.String({ format: 'date-time' }),
  due: Type.Integer(),
  erased: Type.Integer(),
  lastRun: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), orders: Type.Integer() }), Type.Null()]),
});

/** The system administrator's 个人信息保存期限 page (ADR 0174). */
export const retentionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/retention',
    {
      schema: {
        tags: ['admin'],
        summary: '个人信息保存期限 / personal-data retention of the centre',
        response: { 200: RetentionSchema },
      },
    },
    async (request) => retentionView(deps, requireActor(request)),
  );

  app.put(
    '/api/retention',
    {
      schema: {
        tags: ['admin'],
        summary: '设置保存年限 / set the retention period',
        description: 'System administrator only; audited (admin.centre.retention, before and after).',
        body: Type.Object({ years: Type.Integer({ minimum: 1, maximum: 30 }) }, { additionalProperties: false }),
        response: { 200: RetentionSchema },
      },
    },
    async (request) => setRetentionYearsAs(deps, requireActor(request), request.body.years),
  );
};
