import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { healthRoutes } from './health.routes.js';
import { authRoutes } from '../users/auth.routes.js';
import { userRoutes } from '../users/user.routes.js';
import { orgRoutes } from '../org/org.routes.js';
import { unitAdminRoutes } from '../org/unit-admin.routes.js';
import { liveRoutes } from '../live/live.routes.js';
import { orderRoutes } from '../orders/order.routes.js';
import { orderExportRoutes } from '../orders/order-export.routes.js';
import { orderActionRoutes } from '../orders/order-actions.routes.js';
import { attachmentRoutes } from '../attachments/attachment.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { portalRoutes } from '../portal/portal.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { knowledgeRoutes } from '../knowledge/knowledge.routes.js';
import { duplicateRoutes } from '../duplicates/duplicate.routes.js';
import { callRoutes } from '../calls/call.routes.js';
import { kpiRoutes } from '../analytics/kpi/kpi.routes.js';

/** Every route plugin of the server, listed explicitly (no auto-loading). */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(healthRoutes, ctx);
  await app.register(authRoutes, ctx);
  await app.register(userRoutes, ctx);
  await app.register(orgRoutes, ctx);
  await app.register(unitAdminRoutes, ctx);
  await app.register(liveRoutes, ctx);
  await app.register(orderRoutes, ctx);
  await app.register(orderExportRoutes, ctx);
  await app.register(orderActionRoutes, ctx);
  await app.register(attachmentRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await app.register(portalRoutes, ctx);
  await app.register(searchRoutes, ctx);
  await app.register(knowledgeRoutes, ctx);
  await app.register(duplicateRoutes, ctx);
  await app.register(callRoutes, ctx);
  await app.register(kpiRoutes, ctx);
}
