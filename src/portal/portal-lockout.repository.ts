import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

// The lock of one order number's query code after consecutive wrong codes (migration 0810, ADR 0173).

/** The lock's end when the number is locked at `at`, else undefined. */
export async function findCodeLock(db: Executor, key: string, at: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('portal_code_lockouts')
    .select('locked_until')
    .where('bucket_key', '=', key)
    .where('locked_until', '>', at)
    .executeTakeFirst();
  return row?.locked_until ? new Date(row.locked_until) : undefined;
}

/**
 * Counts one wrong code in a single statement (concurrent guesses from several processes all count):
 * the `failures`-th consecutive one locks the number until `until` and starts the count again.
 * Returns true when this failure locked it.
 */
export async function countWrongCode(
  db: Executor,
  key: string,
  rule: { failures: number; until: Date },
  at: Date,
): Promise<boolean> {
  const next = sql<number>`portal_code_lockouts.failures + 1`;
  const locks = sql<boolean>`${next} >= ${rule.failures}`;
  const first = rule.failures <= 1;
  const row = await db
    .insertInto('portal_code_lockouts')
    .values({ bucket_key: key, failures: first ? 0 : 1, locked_until: first ? rule.until : null, updated_at: at })
    .onConflict((oc) =>
      oc.column('bucket_key').doUpdateSet({
        failures: sql<number>`case when ${locks} then 0 else ${next} end`,
        locked_until: sql<Date>`case when ${locks} then ${rule.until}::timestamptz else portal_code_lockouts.locked_until end`,
        updated_at: at,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return row.locked_until !== null && new Date(row.locked_until).getTime() === rule.until.getTime();
}

/** The right code: the count of wrong ones starts again. */
export async function clearWrongCodes(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('portal_code_lockouts').where('bucket_key', '=', key).where('locked_until', 'is', null).execute();
  await db
    .updateTable('portal_code_lockouts')
    .set({ failures: 0 })
    .where('bucket_key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Counts nobody added to for a month and no lock in force: dropped, so unknown numbers do not pile up. */
export async function deleteStaleCodeCounts(db: Executor, before: Date, at: Date): Promise<void> {
  await db
    .deleteFrom('portal_code_lockouts')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute();
}
