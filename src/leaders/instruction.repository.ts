import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { InstructionStatus } from '../contract/leaders.js';
import type { LeaderInstructionsTable } from './leaders.table.js';
import { inSubtree } from '../shared/subtree.js';

export async function insertInstruction(db: Executor, row: Insertable<LeaderInstructionsTable>) {
  return db.insertInto('leader_instructions').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The 批示 with its unit's path (who may sign for it) and its order. */
export async function findInstruction(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('leader_instructions as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .selectAll('i')
    .select('u.path as unit_path')
    .where('i.id', '=', id)
    .where('i.centre_id', '=', centreId)
    .executeTakeFirst();
}

/** Moves a 批示 on only from the expected status (two clicks cannot both succeed). */
export async function updateInstructionIfStatus(
  db: Executor,
  id: string,
  expected: InstructionStatus,
  patch: Partial<Insertable<LeaderInstructionsTable>>,
): Promise<boolean> {
  const r = await db
    .updateTable('leader_instructions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface InstructionFilter {
  centreId: string;
  id?: string;
  orderId?: string;
  leaderId?: string;
  /** Unit-scoped readers: 批示 addressed to their unit's subtree. */
  unitPath?: string;
  statuses?: readonly InstructionStatus[];
  limit: number;
}

export async function listInstructions(db: Executor, f: InstructionFilter) {
  let q = db
    .selectFrom('leader_instructions as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('users as l', 'l.id', 'i.leader_id')
    .leftJoin('users as ab', 'ab.id', 'i.acknowledged_by')
    .leftJoin('users as an', 'an.id', 'i.answered_by')
    .select([
      'i.id',
      'i.order_id',
      'o.order_no',
      'o.title',
      'i.unit_id',
      'u.name as unit_name',
      'i.leader_id',
      'l.display_name as leader_name',
      'i.text',
      'i.issued_at',
      'i.status',
      'i.acknowledged_at',
      'ab.display_name as acknowledged_by_name',
      'i.answer',
      'i.answered_at',
      'an.display_name as answered_by_name',
    ])
    .where('i.centre_id', '=', f.centreId)
    .orderBy('i.issued_at', 'desc')
    .limit(f.limit);
  if (f.id) q = q.where('i.id', '=', f.id);
  if (f.orderId) q = q.where('i.order_id', '=', f.orderId);
  if (f.leaderId) q = q.where('i.leader_id', '=', f.leaderId);
  if (f.unitPath) q = q.where(inSubtree('u.path', f.unitPath));
  if (f.statuses && f.statuses.length > 0) q = q.where('i.status', 'in', [...f.statuses]);
  return q.execute();
}

/** The 批示 of an order still waiting for its unit (待签收 or 已签收待答复), with the unit's name and the leader's. */
export async function listUnansweredInstructionsOfOrder(db: Executor, orderId: string) {
  return db
    .selectFrom('leader_instructions as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('users as l', 'l.id', 'i.leader_id')
    .select(['i.id', 'i.unit_id', 'i.status', 'i.text', 'u.name as unit_name', 'l.display_name as leader_name'])
    .where('i.order_id', '=', orderId)
    .where('i.status', 'in', ['open', 'acknowledged'])
    .orderBy('i.issued_at')
    .execute();
}

/**
 * Addresses an unanswered 批示 to another unit (the order's new lead unit), to be signed for again:
 * only from the unit and status it was read with, so a concurrent 签收 or 答复 is not overwritten.
 */
export async function readdressInstruction(
  db: Executor,
  id: string,
  from: { unitId: string; status: InstructionStatus },
  toUnitId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('leader_instructions')
    .set({ unit_id: toUnitId, status: 'open', acknowledged_by: null, acknowledged_at: null })
    .where('id', '=', id)
    .where('unit_id', '=', from.unitId)
    .where('status', '=', from.status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
