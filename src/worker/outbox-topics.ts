import type { OutboxHandler } from './outbox-handlers.js';

/**
 * EVERY outbox topic with a handler, listed explicitly (see docs/ARCHITECTURE.md, "Background work").
 * To add one: export an OutboxHandler from your domain folder and add it here. Topics without a
 * handler (e.g. order.transitioned while nobody subscribes) are marked done with a note.
 */
export const outboxHandlers: readonly OutboxHandler[] = [];
