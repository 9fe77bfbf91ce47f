import type { Executor } from '../db/database.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { NotifyMessage } from '../outbox/outbox-topics.js';

export type { NotifyMessage } from '../outbox/outbox-topics.js';
/** Who gets an in-app notice: the users of a unit (its unit roles) and/or centre users by role. */
export type NotifyAudience = NotifyMessage['audience'];

/** Queues a notification in the caller's transaction; the worker turns it into notices and webhooks. */
export async function notify(tx: Executor, msg: NotifyMessage, at: Date): Promise<void> {
  await enqueueOutbox(tx, [{ topic: 'notify', payload: msg, dedupeKey: `notify:${msg.sourceKey}` }], at);
}
