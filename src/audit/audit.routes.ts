import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requirePermission } from '../http/auth.js';
import { exportAuditCsv, loadVisibleOrderForAudit, searchAudit } from './audit.service.js';
import { verificationStatus, verifyAndRecord } from './audit-trail.service.js';
import { AuditQuerySchema, AuditSearchSchema, AuditVerificationSchema } from './audit.schemas.js';
import { OrderRef } from '../shared/schema.js';
import type { PiiAccessLogView } from '../contract/orders.js';
import { FileSchema, InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

const PiiAccessLogViewSchema = wireSchema<PiiAccessLogView<Date>>()(
  Type.Object({
    orderId: Type.String(),
    orderNo: Type.String(),
    entries: Type.Array(
      Type.Object({
        at: InstantSchema,
        fields: Type.Array(Type.String()),
        purpose: Type.String(),
        username: Nullable(Type.String()),
      }),
    ),
  }),
);

/** The audit administrator's view of the trail (等保: separate audit role; ADR 0161). */
export const auditRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/audit/pii-access',
    {
      schema: {
        tags: ['audit'],
        summary: '个人信息查看记录 / who viewed personal data of an order',
        querystring: Type.Object({ order: OrderRef() }),
        response: { 200: PiiAccessLogViewSchema },
      },
    },
    async (request) => loadVisibleOrderForAudit(deps, requirePermission(request, 'pii.audit'), request.query.order),
  );

  app.get(
    '/api/audit/log',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录查询（人员、动作、时间）/ search the audit trail by person, action and time',
        querystring: AuditQuerySchema,
        response: { 200: AuditSearchSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'pii.audit');
      noStore(reply);
      return searchAudit(deps, actor, request.query);
    },
  );

  app.get(
    '/api/audit/log.csv',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计记录 CSV / export the audit trail search as CSV',
        querystring: AuditQuerySchema,
        produces: ['text/csv'],
        response: { 200: FileSchema('CSV（UTF-8，带 BOM）/ CSV, UTF-8 with BOM') },
      },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(deps, requirePermission(request, 'pii.audit'), request.query);
      const day = deps.clock.now().toISOString().slice(0, 10);
      noStore(reply);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="audit-${day}.csv"`);
      return reply.send(csv);
    },
  );

  app.get(
    '/api/audit/verification',
    {
      schema: {
        tags: ['audit'],
        summary: '审计链最近一次核验结果 / the latest verification of the audit chains',
        response: { 200: AuditVerificationSchema },
      },
    },
    async (request) => verificationStatus(deps, requirePermission(request, 'pii.audit').centreId),
  );

  app.post(
    '/api/audit/verification',
    {
      schema: {
        tags: ['audit'],
        summary: '立即核验审计链 / verify the audit chains now',
        response: { 200: AuditVerificationSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'pii.audit');
      await verifyAndRecord(deps);
      return verificationStatus(deps, actor.centreId);
    },
  );
};
