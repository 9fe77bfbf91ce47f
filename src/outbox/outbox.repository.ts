import type { Insertable, QueryCreator } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB, OutboxTable } from '../db/schema.js';
import type { NewOutboxMessage } from './outbox-topics.js';

export type { NewOutboxMessage } from './outbox-topics.js';

/** The outbox row of a message. */
const outboxRow = (msg: NewOutboxMessage, at: Date): Insertable<OutboxTable> => ({
  topic: msg.topic,
  payload: JSON.stringify(msg.payload),
  created_at: at,
  available_at: msg.availableAt ?? at,
  dedupe_key: msg.dedupeKey ?? null,
});

/**
 * The one insert into the outbox, built on `q`: a transaction for enqueueOutbox, or a WITH list for a
 * statement that writes the messages together with other rows (intake's single round trip, ADR 0013).
 * A dedupe key makes a repeated enqueue a no-op (idempotent producers).
 */
export function outboxInsert(q: QueryCreator<DB>, messages: readonly NewOutboxMessage[], at: Date) {
  return q
    .insertInto('outbox')
    .values(messages.map((msg) => outboxRow(msg, at)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing());
}

/**
 * THE outbox writer: the messages of one step in one statement, in the caller's transaction, so they
 * exist exactly when the change does. Answers how many rows were new.
 */
export async function enqueueOutbox(db: Executor, messages: readonly NewOutboxMessage[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await outboxInsert(db, messages, at).returning('id').execute();
  return rows.length;
}
