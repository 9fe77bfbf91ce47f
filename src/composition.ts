import type { OrderDeps, OrderHooks } from './orders/order-hooks.js';
import type { Deps } from './shared/deps.js';
import { readOrderAttachments } from './attachments/attachment.service.js';
import { assistHook } from './assist/assist.hook.js';
import { duplicateDetectHook } from './duplicates/duplicate-detect.hook.js';
import { knowledgeUsageHook } from './knowledge/knowledge-usage.hook.js';
import { searchIndexHook, searchIntakeHook } from './search/search-index.hook.js';
import { timelimitHook, timelimitIntakeHook } from './timelimits/timelimit.hook.js';
import { readOrderDeadlines } from './timelimits/timelimit-admin.service.js';
import { deskRoutingIntakeHook } from './subcentres/desk-routing.hook.js';
import { catalogueIntakeHook, catalogueTransitionHook } from './catalogue/catalogue.hook.js';
import { enterpriseIntakeHook } from './enterprise/enterprise.hook.js';
import { readOrderEnterprise } from './enterprise/enterprise.service.js';

/**
 * The composition root of the order lifecycle: which capabilities plug into intake and transitions,
 * in this order (like src/http/routes.ts for routes, src/worker/outbox-topics.ts for handlers).
 * `orders/` never imports a capability; it runs what it is handed here.
 */
export const orderHooks: OrderHooks = {
  intake: [
    searchIntakeHook,
    timelimitIntakeHook,
    duplicateDetectHook,
    deskRoutingIntakeHook,
    catalogueIntakeHook,
    enterpriseIntakeHook,
  ],
  transition: [searchIndexHook, knowledgeUsageHook, timelimitHook, assistHook, catalogueTransitionHook],
  detail: { deadlines: readOrderDeadlines, attachments: readOrderAttachments, enterprise: readOrderEnterprise },
};

/** The deps of every process (server, worker, CLI, tests): the shared deps and the hooks. */
export const composeDeps = (base: Deps): OrderDeps => ({ ...base, orderHooks });
