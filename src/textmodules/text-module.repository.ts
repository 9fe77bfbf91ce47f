import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { TextModulesTable } from './text-module.table.js';

export async function listTextModules(db: Executor, centreId: string) {
  return db.selectFrom('text_modules').selectAll().where('centre_id', '=', centreId).orderBy('keyword').execute();
}

export async function findTextModule(db: Executor, centreId: string, id: string) {
  return db.selectFrom('text_modules').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function insertTextModule(db: Executor, row: Insertable<TextModulesTable>) {
  return db.insertInto('text_modules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTextModule(db: Executor, centreId: string, id: string, changes: Updateable<TextModulesTable>) {
  return db
    .updateTable('text_modules')
    .set(changes)
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Active modules of a centre with their category's path (the service keeps those that apply to an order). */
export async function listActiveTextModules(db: Executor, centreId: string) {
  return db
    .selectFrom('text_modules as m')
    .leftJoin('categories as c', 'c.id', 'm.category_id')
    .select(['m.id', 'm.name', 'm.keyword', 'm.body', 'm.unit_id', 'm.dialogs', 'c.path as category_path'])
    .where('m.centre_id', '=', centreId)
    .where('m.active', '=', true)
    .orderBy('m.keyword')
    .execute();
}
