import type { OutboxHandler } from './outbox-handlers.js';
import { deadlineCheckHandler } from '../timelimits/deadline-check.handler.js';
import { notifyHandler } from '../notifications/notify.handler.js';
import { webhookHandler } from '../notifications/webhook.handler.js';
import { duplicateDetectHandler } from '../duplicates/duplicate-detect.hook.js';

/**
 * EVERY outbox topic with a handler, listed explicitly (see docs/ARCHITECTURE.md, "Background work").
 * To add one: export an OutboxHandler from your domain folder and add it here.
 */
export const outboxHandlers: readonly OutboxHandler[] = [
  deadlineCheckHandler,
  notifyHandler,
  webhookHandler,
  duplicateDetectHandler,
];

/**
 * Event topics recorded for future subscribers and handled by nobody today: the worker retires them
 * (done, with a note) so they do not pile up. Any other topic without a handler in this process is
 * left pending, not retired: during a rolling upgrade an older worker must not swallow the messages
 * of a topic only the newer version handles (e.g. duplicates.detect).
 */
export const eventOnlyTopics: readonly string[] = ['order.accepted', 'order.transitioned'];
