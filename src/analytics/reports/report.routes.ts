import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.js';
import { noStore, requireActor } from '../../http/auth.js';
import { monthlyReportHtml } from './monthly-report.html.js';
import { buildMonthlyReport } from './monthly-report.service.js';
import { monthlyReportXlsx } from './monthly-report.xlsx.js';
import { MonthlyReportQuerySchema } from './report.schemas.js';
import { FileSchema } from '../../shared/wire-schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/reports/monthly.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: '月度报告 Excel / monthly report (.xlsx)',
        querystring: MonthlyReportQuerySchema,
        produces: [XLSX],
        response: { 200: FileSchema('月度报告 Excel / the monthly report workbook') },
      },
    },
    async (request, reply) => {
      const report = await buildMonthlyReport(deps, requireActor(request), request.query);
      const name = `${report.unitName ?? report.centreName}-${report.month}-月度报告.xlsx`;
      noStore(reply);
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        `attachment; filename="report-${report.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      return reply.send(await monthlyReportXlsx(report));
    },
  );
  app.get(
    '/api/reports/monthly.html',
    {
      schema: {
        tags: ['reports'],
        summary: '月度报告打印页 / printable monthly report',
        querystring: MonthlyReportQuerySchema,
        produces: ['text/html'],
        response: { 200: FileSchema('打印页 HTML / the printable page') },
      },
      // The page's own stylesheet and print button are inline: this page's Content-Security-Policy
      // names them by a nonce (only them; the rest of the policy is the global one, ADR 0158).
      helmet: { enableCSPNonces: true },
    },
    async (request, reply) => {
      const report = await buildMonthlyReport(deps, requireActor(request), request.query);
      noStore(reply);
      return reply.type('text/html; charset=utf-8').send(monthlyReportHtml(report, reply.cspNonce ?? undefined));
    },
  );
};
