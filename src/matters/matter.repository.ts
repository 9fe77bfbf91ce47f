import { sql, type Insertable, type Updateable } from 'kysely';
import type { MatterLinkKind, MatterStatus } from '../contract/matters.js';
import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';
import type { MatterRoundsTable, MattersTable } from './matters.table.js';

// Matters

export async function insertMatter(db: Executor, m: Insertable<MattersTable>) {
  return db.insertInto('matters').values(m).returning('id').executeTakeFirstOrThrow();
}

export async function updateMatter(db: Executor, id: string, set: Updateable<MattersTable>) {
  await db.updateTable('matters').set(set).where('id', '=', id).execute();
}

/** Moves a matter only if it is still in `from` (0 rows: it changed meanwhile). */
export async function moveMatter(db: Executor, id: string, from: MatterStatus, set: Updateable<MattersTable>) {
  return db.updateTable('matters').set(set).where('id', '=', id).where('status', '=', from).returning('id').executeTakeFirst();
}

const matterQuery = (db: Executor) =>
  db
    .selectFrom('matters as m')
    .innerJoin('users as l', 'l.id', 'm.leader_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .selectAll('m')
    .select([
      'l.display_name as leader_name',
      'r.name as region_name',
      sql<number>`(select count(*)::int from matter_milestones ms where ms.matter_id = m.id)`.as('milestones_total'),
      sql<number>`(select count(*)::int from matter_milestones ms where ms.matter_id = m.id and ms.done_on is not null)`.as(
        'milestones_done',
      ),
    ]);

export type MatterRow = NonNullable<Awaited<ReturnType<typeof findMatter>>>;

export async function findMatter(db: Executor, centreId: string, id: string) {
  return matterQuery(db).where('m.centre_id', '=', centreId).where('m.id', '=', id).executeTakeFirst();
}

/** Matters of a year; `unitPath`: only those a unit of that subtree claimed. */
export async function listMatters(
  db: Executor,
  centreId: string,
  f: { year: number; statuses: readonly MatterStatus[] | null; unitPath: string | null; roundId?: string },
) {
  let q = matterQuery(db).where('m.centre_id', '=', centreId).where('m.year', '=', f.year);
  if (f.statuses) q = q.where('m.status', 'in', f.statuses);
  if (f.roundId) q = q.where('m.round_id', '=', f.roundId);
  if (f.unitPath) {
    const path = f.unitPath;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('matter_units as mu')
          .innerJoin('units as u', 'u.id', 'mu.unit_id')
          .select('mu.unit_id')
          .whereRef('mu.matter_id', '=', 'm.id')
          .where(inSubtree('u.path', path)),
      ),
    );
  }
  return q.orderBy('m.created_at').orderBy('m.id').execute();
}

export async function matterUnits(db: Executor, matterIds: readonly string[]) {
  if (matterIds.length === 0) return [];
  return db
    .selectFrom('matter_units as mu')
    .innerJoin('units as u', 'u.id', 'mu.unit_id')
    .select(['mu.matter_id', 'u.id', 'u.name', 'u.path'])
    .where('mu.matter_id', 'in', matterIds)
    .orderBy('u.name')
    .execute();
}

export async function setMatterUnits(db: Executor, matterId: string, unitIds: readonly string[], at: Date) {
  let gone = db.deleteFrom('matter_units').where('matter_id', '=', matterId);
  if (unitIds.length > 0) gone = gone.where('unit_id', 'not in', unitIds);
  await gone.execute();
  if (unitIds.length === 0) return;
  await db
    .insertInto('matter_units')
    .values(unitIds.map((unit_id) => ({ matter_id: matterId, unit_id, claimed_at: at })))
    .onConflict((oc) => oc.columns(['matter_id', 'unit_id']).doNothing())
    .execute();
}

// Milestones and progress

export async function milestonesOf(db: Executor, matterIds: readonly string[]) {
  if (matterIds.length === 0) return [];
  return db
    .selectFrom('matter_milestones')
    .selectAll()
    .where('matter_id', 'in', matterIds)
    .orderBy('matter_id')
    .orderBy('seq')
    .execute();
}

export async function addMilestones(db: Executor, matterId: string, items: readonly { name: string; dueOn: string }[]) {
  if (items.length === 0) return;
  const last = await db
    .selectFrom('matter_milestones')
    .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
    .where('matter_id', '=', matterId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('matter_milestones')
    .values(items.map((m, i) => ({ matter_id: matterId, seq: last.seq + i + 1, name: m.name, due_on: m.dueOn })))
    .execute();
}

export async function markMilestone(db: Executor, matterId: string, milestoneId: string, doneOn: string | null) {
  return db
    .updateTable('matter_milestones')
    .set({ done_on: doneOn })
    .where('id', '=', milestoneId)
    .where('matter_id', '=', matterId)
    .returning('id')
    .executeTakeFirst();
}

export async function insertProgress(
  db: Executor,
  p: { matterId: string; body: string; reportedOn: string; by: string | null; at: Date },
) {
  return db
    .insertInto('matter_progress')
    .values({ matter_id: p.matterId, body: p.body, reported_on: p.reportedOn, reported_by: p.by, created_at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function progressOf(db: Executor, matterIds: readonly string[]) {
  if (matterIds.length === 0) return [];
  return db
    .selectFrom('matter_progress as p')
    .leftJoin('users as u', 'u.id', 'p.reported_by')
    .select(['p.id', 'p.matter_id', 'p.body', 'p.reported_on', 'p.created_at', 'u.display_name as by_name'])
    .where('p.matter_id', 'in', matterIds)
    .orderBy('p.reported_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
}

// Linked appeals

export async function linkOrders(
  db: Executor,
  matterId: string,
  orderIds: readonly string[],
  kind: MatterLinkKind,
  by: string | null,
  at: Date,
) {
  if (orderIds.length === 0) return;
  await db
    .insertInto('matter_orders')
    .values(orderIds.map((order_id) => ({ matter_id: matterId, order_id, kind, linked_by: by, linked_at: at })))
    .onConflict((oc) => oc.columns(['matter_id', 'order_id']).doUpdateSet({ kind }))
    .execute();
}

export async function linkedOrders(db: Executor, matterId: string) {
  return db
    .selectFrom('matter_orders as mo')
    .innerJoin('orders as o', 'o.id', 'mo.order_id')
    .select(['o.id', 'o.order_no', 'o.title', 'o.appeal_type', 'o.accepted_at', 'o.category_id', 'mo.kind'])
    .where('mo.matter_id', '=', matterId)
    .orderBy('o.accepted_at', 'desc')
    .execute();
}

/** Orders of the given categories (and region, when set) per month from `from` to `to` (UTC months). */
export async function monthlyCounts(
  db: Executor,
  centreId: string,
  f: { categoryIds: readonly string[]; regionId: string | null; from: Date; to: Date },
) {
  if (f.categoryIds.length === 0) return [];
  let q = db
    .selectFrom('orders as o')
    .select([sql<string>`to_char(o.accepted_at at time zone 'UTC', 'YYYY-MM')`.as('month'), sql<number>`count(*)::int`.as('n')])
    .where('o.centre_id', '=', centreId)
    .where('o.category_id', 'in', f.categoryIds)
    .where('o.accepted_at', '>=', f.from)
    .where('o.accepted_at', '<', f.to);
  if (f.regionId) q = q.where('o.region_id', '=', f.regionId);
  return q.groupBy(sql`1`).execute();
}

export async function categoryNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

// Options for the form

export async function leaderUsers(db: Executor, centreId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .where(sql<boolean>`'leader' = any(roles)`)
    .orderBy('display_name')
    .execute();
}

export async function claimableUnits(db: Executor, centreId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'kind'])
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .where('kind', '!=', 'centre')
    .orderBy('path')
    .execute();
}

export async function unitsByIds(db: Executor, centreId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'path']).where('centre_id', '=', centreId).where('id', 'in', ids).execute();
}

export async function regionsOf(db: Executor, centreId: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('centre_id', '=', centreId)
    .orderBy('level')
    .orderBy('code')
    .execute();
}

// Rounds and votes

export async function insertRound(db: Executor, r: Insertable<MatterRoundsTable>) {
  return db.insertInto('matter_rounds').values(r).returning('id').executeTakeFirstOrThrow();
}

const roundQuery = (db: Executor) =>
  db
    .selectFrom('matter_rounds as mr')
    .leftJoin('regions as r', 'r.id', 'mr.region_id')
    .selectAll('mr')
    .select('r.name as region_name');

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

export async function findRound(db: Executor, centreId: string, id: string) {
  return roundQuery(db).where('mr.centre_id', '=', centreId).where('mr.id', '=', id).executeTakeFirst();
}

export async function listRounds(db: Executor, centreId: string, year: number | null) {
  let q = roundQuery(db).where('mr.centre_id', '=', centreId);
  if (year !== null) q = q.where('mr.year', '=', year);
  return q.orderBy('mr.opens_at', 'desc').execute();
}

/** The round the portal shows: the newest open one whose window has begun. */
export async function currentRound(db: Executor, centreId: string, at: Date) {
  return roundQuery(db)
    .where('mr.centre_id', '=', centreId)
    .where('mr.state', '=', 'open')
    .where('mr.opens_at', '<=', at)
    .orderBy('mr.opens_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The round row locked for a vote (share) or for closing (update): a close waits for votes in flight and the reverse. */
export async function lockRound(db: Executor, id: string, mode: 'share' | 'update') {
  const q = db.selectFrom('matter_rounds').selectAll().where('id', '=', id);
  return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
}

export async function closeRoundRow(db: Executor, id: string, by: string | null, at: Date) {
  return db
    .updateTable('matter_rounds')
    .set({ state: 'closed', closed_by: by, closed_at: at })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

/**
 * One more pick on the voter's ballot, only while below the round's maximum: the conditional upsert
 * decides concurrent picks (undefined: no picks left).
 */
export async function takePick(db: Executor, roundId: string, voterKey: string, maxPicks: number) {
  return db
    .insertInto('matter_ballots')
    .values({ round_id: roundId, voter_key: voterKey, picks: 1 })
    .onConflict((oc) =>
      oc
        .columns(['round_id', 'voter_key'])
        .doUpdateSet({ picks: sql`matter_ballots.picks + 1` })
        .where('matter_ballots.picks', '<', maxPicks),
    )
    .returning('picks')
    .executeTakeFirst();
}

/** The vote itself; unique (round, matter, voter) makes a second vote of the same phone fail. */
export async function insertVote(db: Executor, v: { roundId: string; matterId: string; voterKey: string; at: Date }) {
  await db
    .insertInto('matter_votes')
    .values({ round_id: v.roundId, matter_id: v.matterId, voter_key: v.voterKey, cast_at: v.at })
    .execute();
}

export async function votesOf(db: Executor, roundId: string, voterKey: string) {
  return db
    .selectFrom('matter_votes')
    .select('matter_id')
    .where('round_id', '=', roundId)
    .where('voter_key', '=', voterKey)
    .execute();
}

/** The recount from the vote rows. */
export async function tally(db: Executor, roundId: string) {
  return db
    .selectFrom('matter_votes')
    .select(['matter_id', sql<number>`count(*)::int`.as('votes')])
    .where('round_id', '=', roundId)
    .groupBy('matter_id')
    .execute();
}

export async function voterCount(db: Executor, roundId: string) {
  const row = await db
    .selectFrom('matter_votes')
    .select(sql<number>`count(distinct voter_key)::int`.as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return row.n;
}
