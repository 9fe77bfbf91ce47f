import { sql } from 'kysely';
import type { ActivityKind, EntryKind } from '../contract/points.js';
import type { Executor } from '../db/database.js';

/** The resident's newest entry: its number and the balance after it (none yet: undefined). */
export async function lastEntry(db: Executor, residentId: string) {
  return db
    .selectFrom('points_entries')
    .select(['seq', 'balance_after'])
    .where('resident_id', '=', residentId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findEntryBySource(db: Executor, centreId: string, sourceKey: string) {
  return db
    .selectFrom('points_entries')
    .select(['id', 'resident_id', 'points'])
    .where('centre_id', '=', centreId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
}

export async function findEntry(db: Executor, residentId: string, id: string) {
  return db
    .selectFrom('points_entries')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface NewEntry {
  centreId: string;
  residentId: string;
  seq: number;
  kind: EntryKind;
  activityKind: ActivityKind | null;
  ruleId: string | null;
  points: number;
  balanceAfter: number;
  note: string | null;
  evidence: string | null;
  byUserId: string | null;
  itemId: string | null;
  quantity: number | null;
  correctsEntryId: string | null;
  sourceKey: string | null;
  at: Date;
}

export async function insertEntry(db: Executor, e: NewEntry) {
  return db
    .insertInto('points_entries')
    .values({
      centre_id: e.centreId,
      resident_id: e.residentId,
      seq: e.seq,
      kind: e.kind,
      activity_kind: e.activityKind,
      rule_id: e.ruleId,
      points: e.points,
      balance_after: e.balanceAfter,
      note: e.note,
      evidence: e.evidence,
      by_user_id: e.byUserId,
      item_id: e.itemId,
      quantity: e.quantity,
      corrects_entry_id: e.correctsEntryId,
      source_key: e.sourceKey,
      at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const entryQuery = (db: Executor) =>
  db
    .selectFrom('points_entries as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .leftJoin('shop_items as i', 'i.id', 'e.item_id')
    .select([
      'e.id',
      'e.seq',
      'e.kind',
      'e.activity_kind',
      'e.points',
      'e.balance_after',
      'e.note',
      'e.evidence',
      'e.corrects_entry_id',
      'e.at',
      'u.display_name as by_name',
      'i.name as item_name',
    ]);

export type EntryRow = Awaited<ReturnType<typeof listRecentEntries>>[number];

/** The newest entries of a resident, newest first. */
export async function listRecentEntries(db: Executor, residentId: string, limit: number) {
  return entryQuery(db).where('e.resident_id', '=', residentId).orderBy('e.seq', 'desc').limit(limit).execute();
}

/** Entries in [from, to), in ledger order. */
export async function listEntriesBetween(db: Executor, residentId: string, from: Date, to: Date) {
  return entryQuery(db)
    .where('e.resident_id', '=', residentId)
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .orderBy('e.seq')
    .execute();
}

/** The balance just before `at`: the balance after the last entry earlier than it. */
export async function balanceBefore(db: Executor, residentId: string, at: Date): Promise<number> {
  const row = await db
    .selectFrom('points_entries')
    .select('balance_after')
    .where('resident_id', '=', residentId)
    .where('at', '<', at)
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.balance_after ?? 0;
}

/** The ledger's sum and count (the balance by definition; the running balance must equal it). */
export async function ledgerSum(db: Executor, residentId: string): Promise<{ sum: number; count: number }> {
  const row = await db
    .selectFrom('points_entries')
    .select([sql<number>`coalesce(sum(points), 0)::int`.as('sum'), sql<number>`count(*)::int`.as('count')])
    .where('resident_id', '=', residentId)
    .executeTakeFirstOrThrow();
  return { sum: row.sum, count: row.count };
}

/** Current balances of several residents (the balance after each one's newest entry). */
export async function balancesOf(db: Executor, residentIds: readonly string[]): Promise<Map<string, number>> {
  if (residentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('points_entries')
    .distinctOn('resident_id')
    .select(['resident_id', 'balance_after'])
    .where('resident_id', 'in', residentIds)
    .orderBy('resident_id')
    .orderBy('seq', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.resident_id, r.balance_after]));
}

/** Points a household's members earned (every entry but redemptions: spending keeps the stars). */
export async function householdEarned(db: Executor, householdId: string): Promise<number> {
  const row = await db
    .selectFrom('points_entries')
    .innerJoin('residents', 'residents.id', 'points_entries.resident_id')
    .select(sql<number>`coalesce(sum(points_entries.points), 0)::int`.as('n'))
    .where('residents.household_id', '=', householdId)
    .where('points_entries.kind', '!=', 'redemption')
    .executeTakeFirstOrThrow();
  return row.n;
}

// Rules

export async function insertRule(
  db: Executor,
  r: { centreId: string; activityKind: ActivityKind; name: string; points: number; at: Date },
) {
  return db
    .insertInto('points_rules')
    .values({ centre_id: r.centreId, activity_kind: r.activityKind, name: r.name, points: r.points, created_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listRules(db: Executor, centreId: string) {
  return db
    .selectFrom('points_rules')
    .select(['id', 'activity_kind', 'name', 'points', 'active'])
    .where('centre_id', '=', centreId)
    .orderBy('activity_kind')
    .orderBy('name')
    .execute();
}

export async function findRule(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('points_rules')
    .select(['id', 'activity_kind', 'name', 'points', 'active'])
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setRuleActive(db: Executor, centreId: string, id: string, active: boolean) {
  return db
    .updateTable('points_rules')
    .set({ active })
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

// Shops

export async function insertShop(db: Executor, s: { centreId: string; unitId: string; name: string; at: Date }) {
  return db
    .insertInto('shops')
    .values({ centre_id: s.centreId, unit_id: s.unitId, name: s.name, created_at: s.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertShopItem(db: Executor, i: { shopId: string; name: string; cost: number; stock: number; at: Date }) {
  return db
    .insertInto('shop_items')
    .values({ shop_id: i.shopId, name: i.name, cost: i.cost, stock: i.stock, created_at: i.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listShops(db: Executor, centreId: string) {
  return db
    .selectFrom('shops')
    .innerJoin('units', 'units.id', 'shops.unit_id')
    .select(['shops.id', 'shops.name', 'shops.unit_id', 'units.name as unit_name', 'units.path as unit_path'])
    .where('shops.centre_id', '=', centreId)
    .orderBy('shops.name')
    .execute();
}

export async function listShopItems(db: Executor, shopIds: readonly string[]) {
  if (shopIds.length === 0) return [];
  return db
    .selectFrom('shop_items')
    .select(['id', 'shop_id', 'name', 'cost', 'stock'])
    .where('shop_id', 'in', shopIds)
    .where('active', '=', true)
    .orderBy('cost')
    .orderBy('name')
    .execute();
}

export async function findShopItem(db: Executor, centreId: string, itemId: string) {
  return db
    .selectFrom('shop_items')
    .innerJoin('shops', 'shops.id', 'shop_items.shop_id')
    .innerJoin('units', 'units.id', 'shops.unit_id')
    .select([
      'shop_items.id',
      'shop_items.name',
      'shop_items.cost',
      'shop_items.stock',
      'shop_items.active',
      'shops.id as shop_id',
      'units.path as unit_path',
    ])
    .where('shops.centre_id', '=', centreId)
    .where('shop_items.id', '=', itemId)
    .executeTakeFirst();
}

/** Takes `quantity` from the stock if it is there (0 rows: sold out). */
export async function takeStock(db: Executor, itemId: string, quantity: number) {
  return db
    .updateTable('shop_items')
    .set({ stock: sql<number>`stock - ${quantity}` })
    .where('id', '=', itemId)
    .where('stock', '>=', quantity)
    .returning('stock')
    .executeTakeFirst();
}

export async function addStock(db: Executor, itemId: string, quantity: number) {
  return db
    .updateTable('shop_items')
    .set({ stock: sql<number>`stock + ${quantity}` })
    .where('id', '=', itemId)
    .returning('stock')
    .executeTakeFirst();
}

/** The centre's points settings (migration 1090): 有效反映 points, 0 when never set. */
export async function pointsSettings(db: Executor, centreId: string): Promise<{ usefulReportPoints: number }> {
  const row = await db
    .selectFrom('points_settings')
    .select('useful_report_points')
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
  return { usefulReportPoints: row?.useful_report_points ?? 0 };
}

export async function savePointsSettings(db: Executor, centreId: string, s: { usefulReportPoints: number }, at: Date) {
  await db
    .insertInto('points_settings')
    .values({ centre_id: centreId, useful_report_points: s.usefulReportPoints, updated_at: at })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet({ useful_report_points: s.usefulReportPoints, updated_at: at }))
    .execute();
}
