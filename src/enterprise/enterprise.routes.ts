import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { getEnterpriseKpis, listEnterpriseQueue } from './enterprise.service.js';
import {
  EnterpriseKpiQuery,
  EnterpriseQueueQuery,
  EnterpriseQueueViewSchema,
  type EnterpriseQueueQueryInput,
} from './enterprise.schemas.js';
import { KpiViewSchemas } from '../analytics/analytics-views.schemas.js';

const tags = ['enterprise'];

/** The centre's enterprise desk (涉企诉求): its queue and its own KPIs. */
export const enterpriseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/enterprise/orders',
    {
      schema: {
        tags,
        summary: '涉企诉求队列 / the enterprise desk’s appeals',
        querystring: EnterpriseQueueQuery,
        response: { 200: EnterpriseQueueViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listEnterpriseQueue(deps, requireActor(request), request.query as EnterpriseQueueQueryInput);
    },
  );
  app.get(
    '/api/enterprise/kpis',
    {
      schema: {
        tags,
        summary: '涉企诉求指标 / KPIs of enterprise appeals only',
        querystring: EnterpriseKpiQuery,
        response: { 200: KpiViewSchemas.report },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return getEnterpriseKpis(deps, requireActor(request), request.query);
    },
  );
};
