import type { Executor } from '../db/database.js';

/** Saved filters and column choices: rows of one user, so every statement names the user. */
export async function listSavedFilters(db: Executor, userId: string, queue: string) {
  return db
    .selectFrom('saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', userId)
    .where('queue', '=', queue)
    .orderBy('name')
    .execute();
}

export async function insertSavedFilter(
  db: Executor,
  row: { userId: string; queue: string; name: string; query: Record<string, unknown>; at: Date },
) {
  return db
    .insertInto('saved_filters')
    .values({ user_id: row.userId, queue: row.queue, name: row.name, query: JSON.stringify(row.query), created_at: row.at })
    .returning(['id', 'name', 'query', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Deletes one of the user's filters; false when there was none (another user's id deletes nothing). */
export async function deleteSavedFilter(db: Executor, userId: string, queue: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_filters')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('queue', '=', queue)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findQueueColumns(db: Executor, userId: string, queue: string): Promise<string[] | null> {
  const row = await db
    .selectFrom('queue_columns')
    .select('columns')
    .where('user_id', '=', userId)
    .where('queue', '=', queue)
    .executeTakeFirst();
  return row?.columns ?? null;
}

export async function upsertQueueColumns(db: Executor, row: { userId: string; queue: string; columns: string[]; at: Date }) {
  await db
    .insertInto('queue_columns')
    .values({ user_id: row.userId, queue: row.queue, columns: row.columns, updated_at: row.at })
    .onConflict((oc) => oc.columns(['user_id', 'queue']).doUpdateSet({ columns: row.columns, updated_at: row.at }))
    .execute();
}
