import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.js';
import { noStore, requirePermission } from '../../http/auth.js';
import { KPI_DEFINITIONS } from './definitions.js';
import { getKpiNowFor, getKpisFor } from './kpi.service.js';
import { KpiQuerySchema, type KpiQueryInput } from './kpi.schemas.js';
import type { GroupBy } from './kpi-grouping.js';
import { KpiViewSchemas } from '../analytics-views.schemas.js';

export const kpiRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/kpis',
    {
      schema: {
        tags: ['analytics'],
        summary: '考核指标 / KPIs for a period, grouped, with the previous period and the definitions',
        querystring: KpiQuerySchema,
        response: { 200: KpiViewSchemas.report },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'kpi.read');
      noStore(reply);
      const q = request.query as KpiQueryInput;
      return getKpisFor(deps, actor, { ...q, groupBy: q.groupBy as GroupBy | undefined });
    },
  );

  app.get(
    '/api/kpis/definitions',
    {
      schema: {
        tags: ['analytics'],
        summary: '指标口径 / the KPI definitions (formula text for tooltips)',
        response: { 200: KpiViewSchemas.definitions },
      },
    },
    async (request) => {
      requirePermission(request, 'kpi.read');
      return { definitions: KPI_DEFINITIONS };
    },
  );

  app.get(
    '/api/kpis/now',
    {
      schema: {
        tags: ['analytics'],
        summary: '实时数据 / live counts: open, red, yellow, accepted and closed today',
        response: { 200: KpiViewSchemas.now },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'kpi.read');
      noStore(reply);
      return getKpiNowFor(deps, actor);
    },
  );
};
