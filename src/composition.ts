import type { OrderDeps, OrderHooks } from './orders/order-hooks.js';
import type { Deps } from './shared/deps.js';
import { readOrderAttachments } from './attachments/attachment.service.js';
import { assistHook } from './assist/assist.hook.js';
import { instructionsFollowLeadHook } from './leaders/instruction.hook.js';
import { duplicateDetectHook } from './duplicates/duplicate-detect.hook.js';
import { knowledgeUsageHook } from './knowledge/knowledge-usage.hook.js';
import { searchIndexHook, searchIntakeHook } from './search/search-index.hook.js';
import { timelimitHook, timelimitIntakeHook } from './timelimits/timelimit.hook.js';
import { readOrderDeadlines } from './timelimits/timelimit-admin.service.js';
import { deskRoutingIntakeHook } from './subcentres/desk-routing.hook.js';
import { catalogueIntakeHook, catalogueTransitionHook } from './catalogue/catalogue.hook.js';
import { enterpriseIntakeHook } from './enterprise/enterprise.hook.js';
import { gridIntakeHook } from './geo/grid.hook.js';
import { readOrderEnterprise } from './enterprise/enterprise.service.js';
import { readOpenApiOrigin } from './open311/order-origin.js';
import { readImportRunOrigin } from './imports/import-origin.js';
import { citizenNoticeIntakeHook, citizenNoticeTransitionHook } from './notifications/citizen-notice.hook.js';
import { channelIntakeHook } from './channels/channel-intake.hook.js';
import { clientWebhookIntakeHook, clientWebhookTransitionHook } from './webhooks/client-webhook.hook.js';
import { usefulReportPointsHook } from './points/useful-report.hook.js';

/**
 * The composition root of the order lifecycle: which capabilities plug into intake and transitions,
 * in this order (like src/http/routes.ts for routes, src/worker/outbox-topics.ts for handlers).
 * `orders/` never imports a capability; it runs what it is handed here.
 */
export const orderHooks: OrderHooks = {
  // Columns are merged in this order: the catalogue's desk (a rule's sub-centre) overrides routing by region.
  intake: [
    searchIntakeHook,
    timelimitIntakeHook,
    duplicateDetectHook,
    deskRoutingIntakeHook,
    catalogueIntakeHook,
    enterpriseIntakeHook,
    citizenNoticeIntakeHook,
    channelIntakeHook,
    gridIntakeHook,
    clientWebhookIntakeHook,
  ],
  transition: [
    searchIndexHook,
    knowledgeUsageHook,
    timelimitHook,
    assistHook,
    instructionsFollowLeadHook,
    catalogueTransitionHook,
    citizenNoticeTransitionHook,
    clientWebhookTransitionHook,
    usefulReportPointsHook,
  ],
  detail: {
    deadlines: readOrderDeadlines,
    attachments: readOrderAttachments,
    enterprise: readOrderEnterprise,
    openApiOrigin: readOpenApiOrigin,
    importRun: readImportRunOrigin,
  },
};

/** The deps of every process (server, worker, CLI, tests): the shared deps and the hooks. */
export const composeDeps = (base: Deps): OrderDeps => ({ ...base, orderHooks });
