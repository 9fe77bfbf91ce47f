import type { Executor } from '../db/database.js';

/** Categories (multi-level appeal classification) and regions (administrative areas). */
export async function listCategories(db: Executor, centreId: string) {
  return db.selectFrom('categories').selectAll().where('centre_id', '=', centreId).orderBy('path').execute();
}

export async function findCategory(db: Executor, centreId: string, id: string) {
  return db.selectFrom('categories').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function insertCategory(
  db: Executor,
  c: { centreId: string; parentId: string | null; parentPath: string | null; code: string; name: string; level: number },
) {
  const id = crypto.randomUUID();
  return db
    .insertInto('categories')
    .values({
      id,
      centre_id: c.centreId,
      parent_id: c.parentId,
      code: c.code,
      name: c.name,
      level: c.level,
      path: `${c.parentPath ?? '/'}${id}/`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listRegions(db: Executor, centreId: string) {
  return db.selectFrom('regions').selectAll().where('centre_id', '=', centreId).orderBy('code').execute();
}

export async function findRegion(db: Executor, centreId: string, id: string) {
  return db.selectFrom('regions').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function insertRegion(
  db: Executor,
  r: { centreId: string; parentId: string | null; code: string; name: string; level: number },
) {
  return db
    .insertInto('regions')
    .values({ centre_id: r.centreId, parent_id: r.parentId, code: r.code, name: r.name, level: r.level })
    .returningAll()
    .executeTakeFirstOrThrow();
}
