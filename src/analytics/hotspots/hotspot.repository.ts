import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** Ids of a region and every region below it. */
export async function regionSubtreeIds(db: Executor, centreId: string, regionId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('sub(id)', (qb) =>
      qb
        .selectFrom('regions')
        .select('id')
        .where('centre_id', '=', centreId)
        .where('id', '=', regionId)
        .unionAll((q) => q.selectFrom('regions').innerJoin('sub', 'sub.id', 'regions.parent_id').select('regions.id')),
    )
    .selectFrom('sub')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every region name of the centre: words that say where an appeal is, never what it is about. */
export async function listRegionNames(db: Executor, centreId: string): Promise<string[]> {
  const rows = await db.selectFrom('regions').select('name').where('centre_id', '=', centreId).execute();
  return rows.map((r) => r.name);
}

/**
 * Appeals accepted in [from, to) that can make a hot issue: every order except 无效件 (those are
 * not appeals to handle). Only the head of the content is read: the topic is stated early.
 */
export async function listHotspotCandidates(
  db: Executor,
  q: { centreId: string; from: Date; to: Date; regionIds: string[] | null; limit: number },
) {
  let query = db
    .selectFrom('orders')
    .leftJoin('regions', 'regions.id', 'orders.region_id')
    .leftJoin('units as lead', 'lead.id', 'orders.lead_unit_id')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.title',
      sql<string>`left(orders.content, 300)`.as('content_head'),
      'orders.address',
      'orders.region_id',
      'regions.name as region_name',
      'orders.category_id',
      'orders.state',
      'orders.accepted_at',
      'orders.lead_unit_id',
      'lead.path as lead_unit_path',
    ])
    .where('orders.centre_id', '=', q.centreId)
    .where('orders.accepted_at', '>=', q.from)
    .where('orders.accepted_at', '<', q.to)
    .where('orders.state', '<>', 'invalid');
  if (q.regionIds)
    query = query.where('orders.region_id', 'in', q.regionIds.length ? q.regionIds : ['00000000-0000-0000-0000-000000000000']);
  // Newest first so that the limit keeps the most recent appeals; callers reverse to oldest first.
  return query.orderBy('orders.accepted_at', 'desc').orderBy('orders.id', 'desc').limit(q.limit).execute();
}

export type HotspotCandidate = Awaited<ReturnType<typeof listHotspotCandidates>>[number];
