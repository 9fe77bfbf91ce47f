import type { AnyOutboxHandler } from './outbox-handlers.js';
import { deadlineCheckHandler } from '../timelimits/deadline-check.handler.js';
import { notifyHandler } from '../notifications/notify.handler.js';
import { webhookHandler } from '../notifications/webhook.handler.js';
import { duplicateDetectHandler } from '../duplicates/duplicate-detect.hook.js';
import { catalogueAutoDispatchHandler } from '../catalogue/catalogue-auto-dispatch.handler.js';
import { citizenEventHandler, citizenSendHandler } from '../notifications/citizen-notice.handlers.js';
import { clientWebhookHandler } from '../webhooks/client-webhook.handler.js';

/**
 * EVERY outbox handler (the topics and their payloads are defined once in src/outbox/outbox-topics.ts), listed explicitly (see docs/ARCHITECTURE.md, "Background work").
 * To add one: export an OutboxHandler from your domain folder and add it here.
 */
export const outboxHandlers: readonly AnyOutboxHandler[] = [
  deadlineCheckHandler,
  notifyHandler,
  webhookHandler,
  duplicateDetectHandler,
  catalogueAutoDispatchHandler,
  citizenEventHandler,
  citizenSendHandler,
  clientWebhookHandler,
];
