import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';

export async function insertConsultation(
  db: Executor,
  row: { orderId: string; centreId: string; topic: string; by: string; at: Date; unitIds: readonly string[] },
) {
  const c = await db
    .insertInto('consultations')
    .values({ order_id: row.orderId, centre_id: row.centreId, topic: row.topic, opened_by: row.by, opened_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('consultation_units')
    .values(row.unitIds.map((unitId) => ({ consultation_id: c.id, unit_id: unitId })))
    .execute();
  return c;
}

export async function findConsultation(db: Executor, centreId: string, id: string) {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).where('centre_id', '=', centreId).executeTakeFirst();
}

/** The participant row of the actor's unit (or a unit inside its subtree): the unit that answers. */
export async function findParticipant(db: Executor, consultationId: string, unitPath: string) {
  return db
    .selectFrom('consultation_units as cu')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_id', 'u.name as unit_name', 'cu.opinion'])
    .where('cu.consultation_id', '=', consultationId)
    .where(inSubtree('u.path', unitPath))
    .orderBy('u.path')
    .execute();
}

/** Records a unit's opinion once (a second one is refused: the conditional update finds nothing). */
export async function recordOpinion(
  db: Executor,
  row: { consultationId: string; unitId: string; opinion: string; by: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('consultation_units')
    .set({ opinion: row.opinion, opinion_by: row.by, opinion_at: row.at })
    .where('consultation_id', '=', row.consultationId)
    .where('unit_id', '=', row.unitId)
    .where('opinion', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function concludeConsultation(
  db: Executor,
  row: { id: string; conclusion: string; by: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('consultations')
    .set({ conclusion: row.conclusion, concluded_by: row.by, concluded_at: row.at })
    .where('id', '=', row.id)
    .where('concluded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface ConsultationFilter {
  centreId: string;
  ids?: readonly string[];
  orderId?: string;
  /** Unit-scoped readers: 会商 that ask their unit's subtree. */
  unitPath?: string;
  /** Only those still waiting for an opinion of the reader's units. */
  pending?: boolean;
  limit: number;
}

export async function listConsultations(db: Executor, f: ConsultationFilter) {
  let q = db
    .selectFrom('consultations as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .innerJoin('users as b', 'b.id', 'c.opened_by')
    .select([
      'c.id',
      'c.order_id',
      'o.order_no',
      'o.title',
      'c.topic',
      'c.opened_by',
      'b.display_name as opened_by_name',
      'c.opened_at',
      'c.conclusion',
      'c.concluded_at',
    ])
    .where('c.centre_id', '=', f.centreId)
    .orderBy('c.opened_at', 'desc')
    .limit(f.limit);
  if (f.ids) q = q.where('c.id', 'in', [...f.ids]);
  if (f.orderId) q = q.where('c.order_id', '=', f.orderId);
  if (f.unitPath) {
    const path = f.unitPath;
    const pending = f.pending === true;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultation_units as cu')
          .innerJoin('units as u', 'u.id', 'cu.unit_id')
          .select('cu.unit_id')
          .whereRef('cu.consultation_id', '=', 'c.id')
          .where(inSubtree('u.path', path))
          .$if(pending, (s) => s.where('cu.opinion', 'is', null)),
      ),
    );
    if (pending) q = q.where('c.concluded_at', 'is', null);
  }
  return q.execute();
}

export async function listConsultationUnits(db: Executor, consultationIds: readonly string[]) {
  if (consultationIds.length === 0) return [];
  return db
    .selectFrom('consultation_units as cu')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .leftJoin('users as p', 'p.id', 'cu.opinion_by')
    .select([
      'cu.consultation_id',
      'cu.unit_id',
      'u.name as unit_name',
      'cu.opinion',
      'cu.opinion_at',
      'p.display_name as opinion_by_name',
    ])
    .where('cu.consultation_id', 'in', [...consultationIds])
    .orderBy('u.path')
    .execute();
}
