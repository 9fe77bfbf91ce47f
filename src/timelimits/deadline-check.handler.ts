import type { OutboxHandler } from '../worker/outbox-handlers.js';
import { CHECK_TOPIC } from './deadline-sweep.service.js';
import { checkOrderDeadlines } from './escalation.service.js';

/** Runs the escalation ladder of one order; idempotent (each threshold fires once). */
export const deadlineCheckHandler: OutboxHandler<'timelimit.check'> = {
  topic: CHECK_TOPIC,
  async run(deps, payload) {
    await checkOrderDeadlines(deps, payload.orderId);
  },
};
