import { sql } from 'kysely';
import type { ClaimerRank, WallState, WishState } from '../contract/wishes.js';
import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';
import type { WishesTable } from './wishes.table.js';
import type { Insertable, Updateable } from 'kysely';

export async function wishSettings(db: Executor, centreId: string) {
  const row = await db.selectFrom('wish_settings').selectAll().where('centre_id', '=', centreId).executeTakeFirst();
  return { memberHours: row?.member_hours ?? 48, teamHours: row?.team_hours ?? 24, points: row?.points ?? 10 };
}

export async function saveWishSettings(
  db: Executor,
  centreId: string,
  s: { memberHours: number; teamHours: number; points: number },
) {
  await db
    .insertInto('wish_settings')
    .values({ centre_id: centreId, member_hours: s.memberHours, team_hours: s.teamHours, points: s.points })
    .onConflict((oc) =>
      oc.column('centre_id').doUpdateSet({ member_hours: s.memberHours, team_hours: s.teamHours, points: s.points }),
    )
    .execute();
}

export async function findClaimer(db: Executor, userId: string) {
  return db.selectFrom('wish_claimers').select(['user_id', 'rank']).where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertClaimer(db: Executor, c: { userId: string; centreId: string; rank: ClaimerRank; at: Date }) {
  await db
    .insertInto('wish_claimers')
    .values({ user_id: c.userId, centre_id: c.centreId, rank: c.rank, created_at: c.at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ rank: c.rank }))
    .execute();
}

export async function listClaimers(db: Executor, centreId: string, unitPathPrefix: string | null) {
  let q = db
    .selectFrom('wish_claimers as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('units', 'units.id', 'u.unit_id')
    .select(['c.user_id', 'c.rank', 'u.display_name', 'units.name as unit_name'])
    .where('c.centre_id', '=', centreId);
  if (unitPathPrefix) q = q.where(inSubtree('units.path', unitPathPrefix));
  return q.orderBy('units.name').orderBy('u.display_name').execute();
}

export async function insertWish(db: Executor, w: Insertable<WishesTable>) {
  return db.insertInto('wishes').values(w).returning('id').executeTakeFirstOrThrow();
}

/** Moves a wish from one state to the next only if it is still in `from` (0 rows: someone was first). */
export async function moveWish(db: Executor, id: string, from: WishState, set: Updateable<WishesTable>) {
  return db.updateTable('wishes').set(set).where('id', '=', id).where('state', '=', from).returning('id').executeTakeFirst();
}

const wishQuery = (db: Executor) =>
  db
    .selectFrom('wishes as w')
    .innerJoin('units as cu', 'cu.id', 'w.unit_id')
    .leftJoin('users as cb', 'cb.id', 'w.claimed_by')
    .leftJoin('units as clu', 'clu.id', 'w.claimed_unit_id')
    .selectAll('w')
    .select([
      'cu.name as unit_name',
      'cu.path as unit_path',
      'cb.display_name as claimed_by_name',
      'clu.name as claimed_unit_name',
    ]);

export type WishRow = NonNullable<Awaited<ReturnType<typeof findWish>>>;

export async function findWish(db: Executor, centreId: string, id: string) {
  return wishQuery(db).where('w.centre_id', '=', centreId).where('w.id', '=', id).executeTakeFirst();
}

export async function listWishes(
  db: Executor,
  centreId: string,
  f: { unitPathPrefix: string | null; states: readonly WishState[] | null; limit: number },
) {
  let q = wishQuery(db).where('w.centre_id', '=', centreId);
  if (f.unitPathPrefix) q = q.where(inSubtree('cu.path', f.unitPathPrefix));
  if (f.states) q = q.where('w.state', 'in', f.states);
  return q.orderBy('w.posted_at', 'desc').limit(f.limit).execute();
}

/** One page of the public wall: a keyset over (posted_at, id) in the wall index. */
export async function wallPage(
  db: Executor,
  centreId: string,
  state: WallState,
  before: { at: Date; id: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('wishes as w')
    .innerJoin('units as cu', 'cu.id', 'w.unit_id')
    .leftJoin('units as clu', 'clu.id', 'w.claimed_unit_id')
    .select([
      'w.id',
      'w.title',
      'w.detail',
      'w.poster_name',
      'w.posted_at',
      'w.confirmed_at',
      'cu.name as unit_name',
      'clu.name as claimed_unit_name',
    ])
    .where('w.centre_id', '=', centreId)
    .where('w.wall_state', '=', state);
  if (before) q = q.where(sql<boolean>`(w.posted_at, w.id) < (${before.at}, ${before.id}::uuid)`);
  return q.orderBy('w.posted_at', 'desc').orderBy('w.id', 'desc').limit(limit).execute();
}

/** Counts per community (the wish's unit) or per claiming unit. */
export async function wishCounts(
  db: Executor,
  centreId: string,
  by: 'unit_id' | 'claimed_unit_id',
  unitPathPrefix: string | null,
) {
  const col = by === 'unit_id' ? 'w.unit_id' : 'w.claimed_unit_id';
  let q = db
    .selectFrom('wishes as w')
    .innerJoin('units as u', 'u.id', col)
    .select([
      'u.id',
      'u.name',
      sql<number>`count(*) filter (where w.state in ('open','claimed','fulfilled','confirmed'))::int`.as('posted'),
      sql<number>`count(*) filter (where w.state in ('claimed','fulfilled','confirmed'))::int`.as('claimed'),
      sql<number>`count(*) filter (where w.state = 'confirmed')::int`.as('confirmed'),
    ])
    .where('w.centre_id', '=', centreId);
  if (unitPathPrefix) q = q.where(inSubtree('u.path', unitPathPrefix));
  return q.groupBy(['u.id', 'u.name']).orderBy('u.name').execute();
}

/** The points entry of a confirmed wish (the demo writes confirmed wishes directly). */
export async function markWishPoints(db: Executor, id: string, entryId: string, points: number): Promise<void> {
  await db.updateTable('wishes').set({ points_entry_id: entryId, points_awarded: points }).where('id', '=', id).execute();
}
