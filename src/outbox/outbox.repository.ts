import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OutboxTable } from '../db/schema.js';

/** A side effect to write with a change: topic, JSON payload, and optionally a later start or a dedupe key. */
export interface NewOutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  availableAt?: Date;
  dedupeKey?: string;
}

/**
 * Writes a side effect in the caller's transaction, so it exists exactly when the change does.
 * A dedupe key makes a repeated enqueue a no-op (idempotent producers).
 */
export async function enqueueOutbox(db: Executor, msg: NewOutboxMessage & { at: Date }) {
  await enqueueOutboxMessages(db, [msg], msg.at);
}

/** The outbox row of a message (for statements that write it together with other rows). */
export const outboxRow = (msg: NewOutboxMessage, at: Date): Insertable<OutboxTable> => ({
  topic: msg.topic,
  payload: JSON.stringify(msg.payload),
  created_at: at,
  available_at: msg.availableAt ?? at,
  dedupe_key: msg.dedupeKey ?? null,
});

/** Several messages of one step in one statement (one round trip). */
export async function enqueueOutboxMessages(db: Executor, messages: readonly NewOutboxMessage[], at: Date) {
  if (messages.length === 0) return;
  await db
    .insertInto('outbox')
    .values(messages.map((msg) => outboxRow(msg, at)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
