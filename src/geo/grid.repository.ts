import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { GridGeometry } from '../contract/geo.js';
import { boundsOf } from './grid-index.js';

/** The grid index's cache key (centres.grid_version, bumped by every import; migration 0860). */
export async function findGridVersion(db: Executor, centreId: string): Promise<number | undefined> {
  const row = await db.selectFrom('centres').select('grid_version').where('id', '=', centreId).executeTakeFirst();
  return row?.grid_version;
}

export async function bumpGridVersion(db: Executor, centreId: string): Promise<void> {
  await db
    .updateTable('centres')
    .set({ grid_version: sql`grid_version + 1` })
    .where('id', '=', centreId)
    .execute();
}

/** The active grids with their outlines (the index, the map layer). */
export async function selectActiveGridShapes(db: Executor, centreId: string, regionId?: string) {
  let q = db
    .selectFrom('grids')
    .select(['id', 'code', 'name', 'region_id', 'demo', 'geometry'])
    .where('centre_id', '=', centreId)
    .where('active', '=', true);
  if (regionId) q = q.where('region_id', '=', regionId);
  return q.orderBy('code').execute();
}

/** Every grid of the centre (import compares against them), outlines included. */
export async function selectAllGrids(db: Executor, centreId: string) {
  return db.selectFrom('grids').selectAll().where('centre_id', '=', centreId).execute();
}

/** The grid list with region names. */
export async function selectGridList(db: Executor, centreId: string, where: { regionId?: string; activeOnly: boolean }) {
  let q = db
    .selectFrom('grids as g')
    .innerJoin('regions as r', 'r.id', 'g.region_id')
    .select([
      'g.id',
      'g.code',
      'g.name',
      'g.region_id',
      'r.name as region_name',
      'g.version',
      'g.active',
      'g.demo',
      'g.updated_at',
    ])
    .where('g.centre_id', '=', centreId);
  if (where.regionId) q = q.where('g.region_id', '=', where.regionId);
  if (where.activeOnly) q = q.where('g.active', '=', true);
  return q.orderBy('g.code').execute();
}

export async function findGrid(db: Executor, centreId: string, id: string) {
  return db.selectFrom('grids').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function findGridByCode(db: Executor, centreId: string, code: string) {
  return db.selectFrom('grids').selectAll().where('centre_id', '=', centreId).where('code', '=', code).executeTakeFirst();
}

export async function selectGridVersions(db: Executor, gridId: string) {
  return db.selectFrom('grid_versions').selectAll().where('grid_id', '=', gridId).orderBy('version', 'desc').execute();
}

export interface GridWrite {
  readonly code: string;
  readonly name: string;
  readonly regionId: string;
  readonly active: boolean;
  readonly demo: boolean;
  readonly geometry: GridGeometry;
}

const boxColumns = (geometry: GridGeometry) => {
  const [min_lng, min_lat, max_lng, max_lat] = boundsOf(geometry);
  return { min_lng, min_lat, max_lng, max_lat };
};

/** Inserts new grids (version 1) and their first version rows; in chunks (an import may hold 25,000). */
export async function insertGrids(
  db: Executor,
  centreId: string,
  grids: readonly GridWrite[],
  meta: { at: Date; by: string | null; source: string },
): Promise<void> {
  for (let i = 0; i < grids.length; i += 500) {
    const chunk = grids.slice(i, i + 500);
    const rows = await db
      .insertInto('grids')
      .values(
        chunk.map((g) => ({
          centre_id: centreId,
          region_id: g.regionId,
          code: g.code,
          name: g.name,
          active: g.active,
          demo: g.demo,
          geometry: JSON.stringify(g.geometry),
          ...boxColumns(g.geometry),
          updated_at: meta.at,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    const byCode = new Map(chunk.map((g) => [g.code, g]));
    await db
      .insertInto('grid_versions')
      .values(
        rows.map((r) => {
          const g = byCode.get(r.code)!;
          return {
            grid_id: r.id,
            version: 1,
            name: g.name,
            region_id: g.regionId,
            active: g.active,
            geometry: JSON.stringify(g.geometry),
            changed_at: meta.at,
            changed_by: meta.by,
            source: meta.source,
          };
        }),
      )
      .execute();
  }
}

/** A new version of one grid (conditional on the version read: a concurrent import loses with 0 rows). */
export async function updateGridVersion(
  db: Executor,
  id: string,
  fromVersion: number,
  g: GridWrite,
  meta: { at: Date; by: string | null; source: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('grids')
    .set({
      name: g.name,
      region_id: g.regionId,
      active: g.active,
      geometry: JSON.stringify(g.geometry),
      ...boxColumns(g.geometry),
      version: fromVersion + 1,
      updated_at: meta.at,
    })
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('grid_versions')
    .values({
      grid_id: id,
      version: fromVersion + 1,
      name: g.name,
      region_id: g.regionId,
      active: g.active,
      geometry: JSON.stringify(g.geometry),
      changed_at: meta.at,
      changed_by: meta.by,
      source: meta.source,
    })
    .execute();
  return true;
}

/** Open orders of the centre that have a point (an import re-assigns their grid). */
export async function selectOpenOrderPoints(db: Executor, centreId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'lat', 'lng', 'grid_id'])
    .where('centre_id', '=', centreId)
    .where('state', '<>', 'closed')
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .execute();
}

/** Sets the grid of orders, one statement per grid (null: no grid). */
export async function setOrdersGrid(db: Executor, gridId: string | null, orderIds: readonly string[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 1000)
    await db
      .updateTable('orders')
      .set({ grid_id: gridId })
      .where('id', 'in', orderIds.slice(i, i + 1000))
      .execute();
}

/** The people of a grid (grid_people, ADR 0186) with their account's username, the active ones first. */
export async function selectGridPeople(db: Executor, gridId: string) {
  return db
    .selectFrom('grid_people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.user_id', 'u.username', 'p.role', 'p.name', 'p.active', 'p.created_at'])
    .where('p.grid_id', '=', gridId)
    .orderBy('p.active', 'desc')
    .orderBy('p.created_at')
    .execute();
}

/** An active account of the centre (a grid person's login). */
export async function findCentreUser(db: Executor, centreId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('centre_id', '=', centreId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Ends a person's place in a grid (kept, inactive); false when there was no such active person. */
export async function endGridPerson(db: Executor, gridId: string, personId: string): Promise<boolean> {
  const r = await db
    .updateTable('grid_people')
    .set({ active: false })
    .where('grid_id', '=', gridId)
    .where('id', '=', personId)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
