import { text, type MessageKey } from '../i18n/messages.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { OutboxHandler } from '../worker/outbox-handlers.js';
import { findRecipientIds, insertNotices } from './notice.repository.js';

/**
 * Turns one notification into in-app notices for its audience and, when a webhook URL is set, one
 * webhook delivery. Idempotent: notices are unique per (source_key, user), deliveries per source_key.
 */
export const notifyHandler: OutboxHandler<'notify'> = {
  topic: 'notify',
  async run(deps, payload) {
    const msg = payload;
    const rendered = text(msg.textKey as MessageKey, msg.vars);
    const at = deps.clock.now();
    await deps.db.transaction().execute(async (tx) => {
      const userIds = await findRecipientIds(tx, {
        centreId: msg.centreId,
        unitId: msg.audience.unitId ?? null,
        centreRoles: msg.audience.centreRoles ?? [],
        userIds: msg.audience.userIds ?? [],
      });
      await insertNotices(
        tx,
        userIds.map((userId) => ({
          userId,
          centreId: msg.centreId,
          orderId: msg.orderId,
          kind: msg.kind,
          title: rendered.zh,
          body: rendered.en,
          sourceKey: msg.sourceKey,
          at,
        })),
      );
      if (deps.config.webhookUrl) {
        await enqueueOutbox(
          tx,
          [
            {
              topic: 'webhook.deliver',
              payload: {
                event: msg.kind,
                centreId: msg.centreId,
                orderId: msg.orderId,
                text: rendered,
                data: msg.data ?? {},
                key: msg.sourceKey,
                at: at.toISOString(),
              },
              dedupeKey: `webhook:${msg.sourceKey}`,
            },
          ],
          at,
        );
      }
    });
  },
};
