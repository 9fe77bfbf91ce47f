import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { UnitKind } from '../db/schema.js';

export async function findUnit(db: Executor, centreId: string, id: string) {
  return db.selectFrom('units').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function findUnitsByIds(db: Executor, centreId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').selectAll().where('centre_id', '=', centreId).where('id', 'in', ids).execute();
}

export async function findUnitByCode(db: Executor, centreId: string, code: string) {
  return db.selectFrom('units').selectAll().where('centre_id', '=', centreId).where('code', '=', code).executeTakeFirst();
}

export async function listUnits(db: Executor, centreId: string) {
  // Parents before children (depth = number of ids in the path), siblings by code: a stable tree order,
  // since paths are made of random ids.
  return db
    .selectFrom('units')
    .selectAll()
    .where('centre_id', '=', centreId)
    .orderBy(sql`length(path) - length(replace(path, '/', ''))`)
    .orderBy('code')
    .execute();
}

export interface NewUnit {
  centreId: string;
  parentId: string | null;
  parentPath: string | null;
  code: string;
  name: string;
  kind: UnitKind;
}

/** Inserts a unit and fills its materialised path from its own generated id. */
export async function insertUnit(db: Executor, unit: NewUnit) {
  const id = crypto.randomUUID();
  return db
    .insertInto('units')
    .values({
      id,
      centre_id: unit.centreId,
      parent_id: unit.parentId,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      path: `${unit.parentPath ?? '/'}${id}/`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUnitRow(db: Executor, centreId: string, id: string, set: { active?: boolean; name?: string }) {
  return db
    .updateTable('units')
    .set(set)
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findCentreByCode(db: Executor, code: string) {
  return db.selectFrom('centres').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findCentre(db: Executor, id: string) {
  return db.selectFrom('centres').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCentres(db: Executor) {
  return db.selectFrom('centres').selectAll().orderBy('code').execute();
}

export async function insertCentre(db: Executor, centre: { code: string; name: string; timezone?: string }) {
  return db
    .insertInto('centres')
    .values({ code: centre.code, name: centre.name, ...(centre.timezone ? { timezone: centre.timezone } : {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}
