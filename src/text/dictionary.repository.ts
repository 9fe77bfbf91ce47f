import type { Executor } from '../db/database.js';

/** Names of a centre's units, regions and categories: the words segmentation must keep whole. */
export async function listCentreNames(db: Executor, centreId: string): Promise<string[]> {
  const [units, regions, categories] = await Promise.all([
    db.selectFrom('units').select('name').where('centre_id', '=', centreId).execute(),
    db.selectFrom('regions').select('name').where('centre_id', '=', centreId).execute(),
    db.selectFrom('categories').select('name').where('centre_id', '=', centreId).execute(),
  ]);
  return [...units, ...regions, ...categories].map((r) => r.name);
}
