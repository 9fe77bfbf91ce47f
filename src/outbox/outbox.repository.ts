import type { Executor } from '../db/database.js';

/**
 * Writes a side effect in the caller's transaction, so it exists exactly when the change does.
 * A dedupe key makes a repeated enqueue a no-op (idempotent producers).
 */
export async function enqueueOutbox(
  db: Executor,
  msg: { topic: string; payload: Record<string, unknown>; at: Date; availableAt?: Date; dedupeKey?: string },
) {
  await db
    .insertInto('outbox')
    .values({
      topic: msg.topic,
      payload: JSON.stringify(msg.payload),
      created_at: msg.at,
      available_at: msg.availableAt ?? msg.at,
      dedupe_key: msg.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
