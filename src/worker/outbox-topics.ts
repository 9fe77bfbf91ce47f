import type { OutboxHandler } from './outbox-handlers.js';
import { deadlineCheckHandler } from '../timelimits/deadline-check.handler.js';
import { notifyHandler } from '../notifications/notify.handler.js';
import { webhookHandler } from '../notifications/webhook.handler.js';
import { duplicateDetectHandler } from '../duplicates/duplicate-detect.hook.js';

/**
 * EVERY outbox topic with a handler, listed explicitly (see docs/ARCHITECTURE.md, "Background work").
 * To add one: export an OutboxHandler from your domain folder and add it here. Topics without a
 * handler (e.g. order.transitioned while nobody subscribes) are marked done with a note.
 */
export const outboxHandlers: readonly OutboxHandler[] = [deadlineCheckHandler, notifyHandler, webhookHandler, duplicateDetectHandler];
