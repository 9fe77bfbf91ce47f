import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OutboxTable } from '../db/schema.js';
import { mayGroupStatements } from '../db/unit-of-work.js';
import { coalescerOn } from '../shared/coalesce.js';

export type OutboxMessage = Selectable<OutboxTable>;

/**
 * Claims up to `limit` due messages. `FOR UPDATE SKIP LOCKED` lets concurrent dispatchers take
 * disjoint rows; `locked_until` keeps a claimed row away from others after this statement commits,
 * until the lease runs out (a crashed dispatcher's rows come back by themselves).
 * Uses the partial index outbox_pending_idx (available_at where done_at is null).
 */
export async function claimOutboxBatch(
  db: Executor,
  opts: { now: Date; limit: number; leaseMs: number; topics?: readonly string[] },
): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const topicFilter =
    opts.topics && opts.topics.length > 0 ? sql`and topic in (${sql.join(opts.topics.map((t) => sql`${t}`))})` : sql``;
  const result = await sql<OutboxMessage>`
    update outbox set locked_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where done_at is null and available_at <= ${opts.now}
        and (locked_until is null or locked_until <= ${opts.now}) ${topicFilter}
      order by available_at, id
      limit ${opts.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return [...result.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

interface DoneMark {
  id: number;
  at: Date;
  note: string | null;
}

/** Several messages done in one statement: each its own time and note (the marks as JSON by id). */
async function markOutboxDoneMany(db: Executor, marks: readonly DoneMark[]): Promise<void[]> {
  const byId = JSON.stringify(Object.fromEntries(marks.map((m) => [m.id, { at: m.at.toISOString(), note: m.note }])));
  const mark = sql`(${byId}::jsonb -> (id::text))`;
  await db
    .updateTable('outbox')
    .set({
      done_at: sql<Date>`(${mark} ->> 'at')::timestamptz`,
      locked_until: null,
      last_error: sql<string | null>`${mark} ->> 'note'`,
    })
    .where(
      'id',
      'in',
      marks.map((m) => m.id),
    )
    .execute();
  return marks.map(() => undefined);
}

/**
 * The message is done. Outside a transaction the marks of the dispatcher's lanes go together, one
 * statement for those that arrive while the previous one runs (src/shared/coalesce.ts); the promise
 * settles once this mark has committed.
 */
export async function markOutboxDone(db: Executor, id: number, at: Date, note: string | null = null): Promise<void> {
  const mark = { id, at, note };
  if (!mayGroupStatements(db)) return void (await markOutboxDoneMany(db, [mark]));
  await coalescerOn(db, 'outbox.done', (marks: readonly DoneMark[]) => markOutboxDoneMany(db, marks)).add(mark);
}

/** A failed attempt: try again at `retryAt`, or give up (failed_at) when `retryAt` is null. */
export async function markOutboxFailed(
  db: Executor,
  id: number,
  opts: { at: Date; error: string; retryAt: Date | null },
): Promise<void> {
  const error = opts.error.slice(0, 2000);
  await db
    .updateTable('outbox')
    .set(
      opts.retryAt
        ? { available_at: opts.retryAt, locked_until: null, last_error: error }
        : { done_at: opts.at, failed_at: opts.at, locked_until: null, last_error: error },
    )
    .where('id', '=', id)
    .execute();
}

export async function countPendingOutbox(db: Executor, topic?: string): Promise<number> {
  let q = db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('done_at', 'is', null);
  if (topic) q = q.where('topic', '=', topic);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes up to `limit` delivered (not failed) rows done before `before`. */
export async function purgeDeliveredOutbox(db: Executor, opts: { before: Date; limit: number }): Promise<number> {
  const result = await sql`
    delete from outbox where id in (
      select id from outbox where done_at < ${opts.before} and failed_at is null limit ${opts.limit}
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
