import type { Executor } from '../db/database.js';

/** Centre names by id, for the verification status. */
export async function findCentreNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('centres').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface AuditSearch {
  centreId: string;
  /** Username or display name, in part. */
  person?: string;
  /** The action (purpose) key, or its prefix ending in a dot (`auth.`). */
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** Only rows with an id below this (the next page of a newest-first list). */
  beforeId?: number;
}

/** The centre's audit rows, newest first, filtered by person, action and time. */
export async function searchAuditLog(db: Executor, q: AuditSearch) {
  let query = db
    .selectFrom('pii_access_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('orders as o', 'o.id', 'a.order_id')
    .select([
      'a.id',
      'a.at',
      'u.username',
      'u.display_name',
      'a.purpose',
      'a.fields',
      'o.order_no',
      'a.subject',
      'a.detail',
      'a.chain_seq',
    ])
    .where('a.centre_id', '=', q.centreId);
  if (q.person) {
    const like = `%${q.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like), eb('a.subject', 'ilike', like)]),
    );
  }
  if (q.action) {
    query = q.action.endsWith('.')
      ? query.where('a.purpose', 'like', `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : query.where('a.purpose', '=', q.action);
  }
  if (q.from) query = query.where('a.at', '>=', q.from);
  if (q.to) query = query.where('a.at', '<', q.to);
  if (q.beforeId !== undefined) query = query.where('a.id', '<', q.beforeId);
  return query.orderBy('a.id', 'desc').limit(q.limit).execute();
}
