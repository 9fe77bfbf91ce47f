import type { Executor } from '../db/database.js';

export async function endActiveAssignments(db: Executor, orderId: string, at: Date) {
  await db
    .updateTable('order_assignments')
    .set({ active: false, ended_at: at })
    .where('order_id', '=', orderId)
    .where('active', '=', true)
    .execute();
}

export async function insertAssignments(
  db: Executor,
  orderId: string,
  units: { unitId: string; role: 'lead' | 'assist' | 'forward' }[],
  at: Date,
) {
  if (units.length === 0) return;
  await db
    .insertInto('order_assignments')
    .values(units.map((u) => ({ order_id: orderId, unit_id: u.unitId, role: u.role, assigned_at: at })))
    .execute();
}

export async function markLeadSigned(db: Executor, orderId: string, at: Date) {
  await db
    .updateTable('order_assignments')
    .set({ signed_at: at })
    .where('order_id', '=', orderId)
    .where('active', '=', true)
    .where('role', '=', 'lead')
    .execute();
}

export async function listAssignments(db: Executor, orderId: string) {
  return db
    .selectFrom('order_assignments')
    .innerJoin('units', 'units.id', 'order_assignments.unit_id')
    .select([
      'order_assignments.unit_id',
      'units.name as unit_name',
      'order_assignments.role',
      'order_assignments.active',
      'order_assignments.assigned_at',
      'order_assignments.signed_at',
      'order_assignments.ended_at',
    ])
    .where('order_assignments.order_id', '=', orderId)
    .orderBy('order_assignments.assigned_at')
    .execute();
}
