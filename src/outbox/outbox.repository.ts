import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OutboxTable } from '../db/schema.js';
import type { NewOutboxMessage } from './outbox-topics.js';

export type { NewOutboxMessage } from './outbox-topics.js';

/** The outbox row of a message (for statements that write it together with other rows). */
export const outboxRow = (msg: NewOutboxMessage, at: Date): Insertable<OutboxTable> => ({
  topic: msg.topic,
  payload: JSON.stringify(msg.payload),
  created_at: at,
  available_at: msg.availableAt ?? at,
  dedupe_key: msg.dedupeKey ?? null,
});

/**
 * THE outbox writer: the messages of one step in one statement, in the caller's transaction, so they
 * exist exactly when the change does. A dedupe key makes a repeated enqueue a no-op (idempotent
 * producers). Answers how many rows were new.
 */
export async function enqueueOutbox(db: Executor, messages: readonly NewOutboxMessage[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .insertInto('outbox')
    .values(messages.map((msg) => outboxRow(msg, at)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
