import type { Executor } from '../db/database.js';

export async function findLeaderSettings(db: Executor, centreId: string) {
  return db
    .selectFrom('leader_settings')
    .select(['leaders_may_urge', 'leaders_may_supervise'])
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
}

export async function upsertLeaderSettings(
  db: Executor,
  row: { centreId: string; mayUrge: boolean; maySupervise: boolean; by: string | null; at: Date },
) {
  const values = {
    leaders_may_urge: row.mayUrge,
    leaders_may_supervise: row.maySupervise,
    updated_by: row.by,
    updated_at: row.at,
  };
  await db
    .insertInto('leader_settings')
    .values({ centre_id: row.centreId, ...values })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet(values))
    .execute();
}
