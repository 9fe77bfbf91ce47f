import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CatalogueOutcome, CatalogueRuleChange } from '../contract/catalogue.js';
import type { CatalogueRulesTable } from './catalogue.table.js';

/** A rule with the names the console and the answer show. */
export async function selectRulesWithNames(db: Executor, centreId: string, where: { id?: string; liveAt?: Date } = {}) {
  let q = db
    .selectFrom('catalogue_rules as r')
    .leftJoin('categories as c', 'c.id', 'r.category_id')
    .leftJoin('regions as g', 'g.id', 'r.region_id')
    .innerJoin('units as l', 'l.id', 'r.lead_unit_id')
    .leftJoin('units as d', 'd.id', 'r.desk_unit_id')
    .selectAll('r')
    .select([
      'c.name as category_name',
      'c.path as category_path',
      'c.level as category_level',
      'g.name as region_name',
      'l.name as lead_unit_name',
      'd.name as desk_unit_name',
      'd.active as desk_unit_active',
      sql<
        string[]
      >`array(select u.name from unnest(r.assist_unit_ids) with ordinality a(id, n) join units u on u.id = a.id order by a.n)`.as(
        'assist_unit_names',
      ),
    ])
    .where('r.centre_id', '=', centreId);
  if (where.id) q = q.where('r.id', '=', where.id);
  if (where.liveAt) q = q.where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', where.liveAt!)]));
  return q.orderBy('r.no').execute();
}
export type RuleRow = Awaited<ReturnType<typeof selectRulesWithNames>>[number];

export async function listRegionParents(db: Executor, centreId: string) {
  return db.selectFrom('regions').select(['id', 'parent_id']).where('centre_id', '=', centreId).execute();
}

export async function findAutoDispatch(db: Executor, centreId: string): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_settings')
    .select('auto_dispatch')
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
  return row?.auto_dispatch ?? false;
}

export async function upsertSettings(db: Executor, centreId: string, autoDispatch: boolean, by: string | null, at: Date) {
  await db
    .insertInto('catalogue_settings')
    .values({ centre_id: centreId, auto_dispatch: autoDispatch, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet({ auto_dispatch: autoDispatch, updated_by: by, updated_at: at }))
    .execute();
}

/** The catalogue's cache key (centres.catalogue_version, bumped by triggers; migration 0723). */
export async function findCatalogueVersion(db: Executor, centreId: string): Promise<number | undefined> {
  const row = await db.selectFrom('centres').select('catalogue_version').where('id', '=', centreId).executeTakeFirst();
  return row === undefined ? undefined : Number(row.catalogue_version);
}

/** What the dispatch hook needs besides the order row: the centre's version and the category's path. */
export async function findDispatchFacts(db: Executor, centreId: string, categoryId: string | null) {
  return db
    .selectFrom('centres')
    .select((eb) => [
      'centres.catalogue_version',
      eb
        .selectFrom('categories')
        .select('path')
        .where('categories.id', '=', categoryId ?? '00000000-0000-0000-0000-000000000000')
        .as('category_path'),
    ])
    .where('centres.id', '=', centreId)
    .executeTakeFirst();
}

export async function findCategoryPath(db: Executor, centreId: string, categoryId: string) {
  const row = await db
    .selectFrom('categories')
    .select('path')
    .where('centre_id', '=', centreId)
    .where('id', '=', categoryId)
    .executeTakeFirst();
  return row?.path;
}

/** One writer of rules per centre at a time: the overlap check and the numbering read what is committed. */
export async function lockCatalogue(db: Executor, centreId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`catalogue:${centreId}`}))`.execute(db);
}

export async function listScopeRules(
  db: Executor,
  centreId: string,
  scope: { categoryId: string | null; regionId: string | null; appealType: string | null },
) {
  return db
    .selectFrom('catalogue_rules')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where((eb) =>
      eb.and([
        scope.categoryId === null ? eb('category_id', 'is', null) : eb('category_id', '=', scope.categoryId),
        scope.regionId === null ? eb('region_id', 'is', null) : eb('region_id', '=', scope.regionId),
        scope.appealType === null ? eb('appeal_type', 'is', null) : eb('appeal_type', '=', scope.appealType),
      ]),
    )
    .execute();
}

export async function nextRuleNo(db: Executor, centreId: string): Promise<number> {
  const row = await db
    .selectFrom('catalogue_rules')
    .select((eb) => eb.fn.coalesce(eb.fn.max('no'), sql<number>`0`).as('max'))
    .where('centre_id', '=', centreId)
    .executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

/** Many rules in one statement (a generated catalogue; the caller guarantees no overlaps). */
export async function insertRules(db: Executor, rows: Insertable<CatalogueRulesTable>[]) {
  // Chunks: one statement carries at most 65,535 parameters.
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('catalogue_rules')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

const CHUNK = 1000;

export async function insertRule(db: Executor, row: Insertable<CatalogueRulesTable>) {
  return db.insertInto('catalogue_rules').values(row).returning(['id', 'version']).executeTakeFirstOrThrow();
}

/** Changes a rule only if it is still the version the editor saw; undefined otherwise. */
export async function updateRuleIfVersion(
  db: Executor,
  centreId: string,
  id: string,
  version: number,
  set: Updateable<CatalogueRulesTable>,
) {
  return db
    .updateTable('catalogue_rules')
    .set({ ...set, version: version + 1 })
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export interface RuleVersionRow {
  ruleId: string;
  version: number;
  change: CatalogueRuleChange;
  snapshot: Record<string, unknown>;
  by: string | null;
  byName: string | null;
  at: Date;
}

export async function insertRuleVersions(db: Executor, all: readonly RuleVersionRow[]) {
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = all.slice(i, i + CHUNK);
    await db
      .insertInto('catalogue_rule_versions')
      .values(
        rows.map((row) => ({
          rule_id: row.ruleId,
          version: row.version,
          change: row.change,
          snapshot: JSON.stringify(row.snapshot),
          changed_by: row.by,
          changed_by_name: row.byName,
          changed_at: row.at,
        })),
      )
      .execute();
  }
}

export async function listRuleVersions(db: Executor, ruleId: string) {
  return db.selectFrom('catalogue_rule_versions').selectAll().where('rule_id', '=', ruleId).orderBy('version', 'desc').execute();
}

export async function insertCatalogueDispatch(
  db: Executor,
  row: {
    centreId: string;
    orderId: string;
    at: Date;
    ruleId: string | null;
    suggestedUnitId: string | null;
    leadUnitId: string;
    outcome: CatalogueOutcome;
    auto: boolean;
    deskUnitId: string | null;
  },
) {
  await db
    .insertInto('catalogue_dispatches')
    .values({
      desk_unit_id: row.deskUnitId,
      centre_id: row.centreId,
      order_id: row.orderId,
      dispatched_at: row.at,
      rule_id: row.ruleId,
      suggested_unit_id: row.suggestedUnitId,
      lead_unit_id: row.leadUnitId,
      outcome: row.outcome,
      auto: row.auto,
    })
    .execute();
}

/** A return approved: the order's latest dispatch is the one that came back. */
export async function markLatestDispatchReturned(db: Executor, orderId: string, at: Date) {
  await db
    .updateTable('catalogue_dispatches')
    .set({ returned_at: at })
    .where(
      'id',
      '=',
      db
        .selectFrom('catalogue_dispatches')
        .select('id')
        .where('order_id', '=', orderId)
        .orderBy('dispatched_at', 'desc')
        .limit(1),
    )
    .where('returned_at', 'is', null)
    .execute();
}

/** A report's dispatches: every desk's (undefined), or one desk's — a sub-centre's id, or null for the league's. */
export type DeskFilter = string | null | undefined;

export async function reportTotals(db: Executor, centreId: string, from: Date, to: Date, desk?: DeskFilter) {
  return db
    .selectFrom('catalogue_dispatches')
    .$if(desk !== undefined, (q) => q.where('desk_unit_id', desk === null ? 'is' : '=', desk ?? null))
    .select((eb) => [
      eb.fn.countAll<string>().as('dispatches'),
      sql<string>`count(*) filter (where outcome = 'followed')`.as('followed'),
      sql<string>`count(*) filter (where outcome = 'overridden')`.as('overridden'),
      sql<string>`count(*) filter (where outcome = 'no_rule')`.as('no_rule'),
      sql<string>`count(*) filter (where auto)`.as('auto'),
    ])
    .where('centre_id', '=', centreId)
    .where('dispatched_at', '>=', from)
    .where('dispatched_at', '<', to)
    .executeTakeFirstOrThrow();
}

export async function reportPerRule(db: Executor, centreId: string, from: Date, to: Date, desk?: DeskFilter) {
  return db
    .selectFrom('catalogue_dispatches as d')
    .innerJoin('catalogue_rules as r', 'r.id', 'd.rule_id')
    .$if(desk !== undefined, (q) => q.where('d.desk_unit_id', desk === null ? 'is' : '=', desk ?? null))
    .select([
      'r.id',
      sql<string>`count(*) filter (where d.outcome = 'followed')`.as('followed'),
      sql<string>`count(*) filter (where d.outcome = 'overridden')`.as('overridden'),
      sql<string>`count(*) filter (where d.outcome = 'followed' and d.returned_at is not null)`.as('returned'),
    ])
    .where('d.centre_id', '=', centreId)
    .where('d.dispatched_at', '>=', from)
    .where('d.dispatched_at', '<', to)
    .groupBy('r.id')
    .execute();
}

export async function findOrderForAutoDispatch(db: Executor, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'centre_id', 'state', 'version', 'dispatch_count'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}
