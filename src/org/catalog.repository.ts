import type { Executor } from '../db/database.js';
import { sql } from 'kysely';
import { inSubtree } from '../shared/subtree.js';

/** Categories (multi-level appeal classification) and regions (administrative areas). */
/** Parents before children, siblings by their code: a stable order for trees (paths hold random ids). */
export async function listCategories(db: Executor, centreId: string) {
  return db.selectFrom('categories').selectAll().where('centre_id', '=', centreId).orderBy('level').orderBy('code').execute();
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

export async function findCategoryByCode(db: Executor, centreId: string, code: string) {
  return db.selectFrom('categories').selectAll().where('centre_id', '=', centreId).where('code', '=', code).executeTakeFirst();
}

export async function renameCategory(db: Executor, centreId: string, id: string, name: string) {
  return db
    .updateTable('categories')
    .set({ name })
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deactivates a category with its whole subtree (a child of a disabled category is not offered either). */
export async function deactivateCategorySubtree(db: Executor, centreId: string, path: string) {
  await db
    .updateTable('categories')
    .set({ active: false })
    .where('centre_id', '=', centreId)
    .where(inSubtree('path', path))
    .execute();
}

export async function activateCategory(db: Executor, centreId: string, id: string) {
  await db.updateTable('categories').set({ active: true }).where('centre_id', '=', centreId).where('id', '=', id).execute();
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

/** Replaces a category's search aliases (ADR 0085). */
export async function setCategoryAliases(db: Executor, centreId: string, id: string, aliases: string[]) {
  await db
    .updateTable('categories')
    .set({ aliases: sql<string[]>`${sql.val(aliases)}::text[]` })
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .execute();
}
