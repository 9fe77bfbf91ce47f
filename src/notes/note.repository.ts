import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** Colleagues of a centre whose name or username contains `q` (the mention picker). */
export async function searchPeople(db: Executor, centreId: string, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('users as u')
    .innerJoin('units as n', 'n.id', 'u.unit_id')
    .select(['u.id', 'u.display_name', 'n.name as unit_name'])
    .where('u.centre_id', '=', centreId)
    .where('u.active', '=', true)
    .where((eb) => eb.or([eb('u.display_name', 'like', like), eb('u.username', 'like', like)]))
    .orderBy('u.display_name')
    .limit(limit)
    .execute();
}

/** Units of a centre whose name contains `q`, with their parent's name. */
export async function searchUnits(db: Executor, centreId: string, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('units as n')
    .leftJoin('units as p', 'p.id', 'n.parent_id')
    .select(['n.id', 'n.name', 'p.name as parent_name'])
    .where('n.centre_id', '=', centreId)
    .where('n.active', '=', true)
    .where('n.name', 'like', like)
    .orderBy('n.path')
    .limit(limit)
    .execute();
}

/** Which of `ids` are active users of the centre. */
export async function existingUserIds(db: Executor, centreId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Which of `ids` are units of the centre. */
export async function existingUnitIds(db: Executor, centreId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** The people a unit mention reaches: the active users of those units who work its orders (unit roles). */
export async function unitMemberIds(db: Executor, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where('unit_id', 'in', [...unitIds])
    .where(sql<boolean>`roles && array['unit_handler','unit_admin']::text[]`)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The active colleagues and units of a centre that a typed `@…` may name: those whose display name,
 * the display name's last word, username or unit name equals one of `keys` (mention-text.ts).
 */
export async function mentionCandidates(db: Executor, centreId: string, keys: readonly string[]) {
  if (keys.length === 0) return { users: [], units: [] };
  const [users, units] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'username'])
      .where('centre_id', '=', centreId)
      .where('active', '=', true)
      .where((eb) =>
        eb.or([
          eb('display_name', 'in', [...keys]),
          eb('username', 'in', [...keys]),
          eb(sql<string>`regexp_replace(btrim(display_name), '^.*\\s', '')`, 'in', [...keys]),
        ]),
      )
      .execute(),
    db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('centre_id', '=', centreId)
      .where('active', '=', true)
      .where('name', 'in', [...keys])
      .execute(),
  ]);
  return { users, units };
}
