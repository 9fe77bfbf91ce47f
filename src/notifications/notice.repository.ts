import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** Active users of a unit with a unit role, plus active centre users holding any of `roles`. */
export async function findRecipientIds(
  db: Executor,
  f: { centreId: string; unitId: string | null; centreRoles: readonly string[]; userIds?: readonly string[] },
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('centre_id', '=', f.centreId)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        ...(f.unitId
          ? [eb.and([eb('unit_id', '=', f.unitId), sql<boolean>`roles && array['unit_handler','unit_admin']::text[]`])]
          : []),
        ...(f.centreRoles.length > 0 ? [sql<boolean>`roles && ${sql.val([...f.centreRoles])}::text[]`] : []),
        ...(f.userIds && f.userIds.length > 0 ? [eb('id', 'in', [...f.userIds])] : []),
        sql<boolean>`false`,
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function insertNotices(
  db: Executor,
  rows: {
    userId: string;
    centreId: string;
    orderId: string | null;
    kind: string;
    title: string;
    body: string;
    sourceKey: string;
    at: Date;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('notices')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        centre_id: r.centreId,
        order_id: r.orderId,
        kind: r.kind,
        title: r.title,
        body: r.body,
        source_key: r.sourceKey,
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.columns(['source_key', 'user_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function listNoticesOf(db: Executor, userId: string, f: { unreadOnly: boolean; limit: number; kind?: string }) {
  let q = db
    .selectFrom('notices as n')
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.order_id', 'o.order_no', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .orderBy('n.id', 'desc')
    .limit(f.limit);
  if (f.unreadOnly) q = q.where('n.read_at', 'is', null);
  if (f.kind) {
    // A comma-separated list of kinds, each exact or a family (`leader.*`): the bell reads several.
    const kinds = f.kind.split(',').filter((k) => k !== '');
    q = q.where((eb) =>
      eb.or(kinds.map((k) => (k.endsWith('.*') ? eb('n.kind', 'like', `${k.slice(0, -1)}%`) : eb('n.kind', '=', k)))),
    );
  }
  return q.execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the given notices (or all when `ids` is omitted) of this user read; returns how many changed. */
export async function markNoticesRead(db: Executor, userId: string, at: Date, ids?: readonly number[]): Promise<number> {
  let q = db.updateTable('notices').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length > 0 ? [...ids] : [-1]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
