import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requirePermission } from '../http/auth.js';
import { loadVisibleOrderForAudit } from './audit.service.js';
import { OrderRef } from '../shared/schema.js';

/** The audit administrator's view of who saw a caller's unmasked data (等保: separate audit role). */
export const auditRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/audit/pii-access',
    {
      schema: {
        tags: ['audit'],
        summary: '个人信息查看记录 / who viewed personal data of an order',
        querystring: Type.Object({ order: OrderRef() }),
      },
    },
    async (request) => loadVisibleOrderForAudit(deps, requirePermission(request, 'pii.audit'), request.query.order),
  );
};
