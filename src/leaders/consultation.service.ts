import type { Deps } from '../shared/deps.js';
import type { Executor } from '../db/database.js';
import { CONSULT_OPENER_ROLES, type ConsultationView } from '../contract/leaders.js';
import { notify } from '../notifications/notify.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { findOrder } from '../orders/order.repository.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { findUnitsByIds } from '../org/unit.repository.js';
import { domainError, invalidField, notFound } from '../shared/errors.js';
import { isUnitScoped, UNIT_ROLES, type Actor } from '../users/roles.js';
import {
  concludeConsultation,
  findConsultation,
  findParticipant,
  insertConsultation,
  listConsultations,
  listConsultationUnits,
  recordOpinion,
  type ConsultationFilter,
} from './consultation.repository.js';
import { need, openOrderFor } from './leader-guards.js';
import { excerptOf, presentConsultations } from './leaders.presenter.js';

async function consultationViews(db: Executor, f: ConsultationFilter): Promise<ConsultationView<Date>[]> {
  const rows = await listConsultations(db, f);
  return presentConsultations(
    rows,
    await listConsultationUnits(
      db,
      rows.map((r) => r.id),
    ),
  );
}
const viewOf = async (db: Executor, centreId: string, id: string) =>
  (await consultationViews(db, { centreId, ids: [id], limit: 1 }))[0];

/** 会商: a leader asks several units about an order; each is told and records its opinion. */
export async function openConsultation(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  input: { topic: string; unitIds: readonly string[] },
): Promise<ConsultationView<Date>> {
  need(actor, CONSULT_OPENER_ROLES);
  const order = await openOrderFor(deps, actor, idOrNo);
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length !== input.unitIds.length)
    throw domainError('VALIDATION', 'leaders.unitRepeated', { field: 'unitIds' }, { field: 'unitIds' });
  const units = await findUnitsByIds(deps.db, order.centre_id, unitIds);
  if (units.length !== unitIds.length) throw invalidField('unitIds');
  const at = deps.clock.now();
  const topic = input.topic.trim();
  const id = await deps.db.transaction().execute(async (tx) => {
    const c = await insertConsultation(tx, {
      orderId: order.id,
      centreId: order.centre_id,
      topic,
      by: actor.userId ?? '',
      at,
      unitIds,
    });
    await recordOrderEvent(tx, order, {
      kind: 'consult_open',
      by: actor,
      at,
      note: topic,
      payload: { consultationId: c.id, unitNames: units.map((u) => u.name) },
    });
    for (const unit of units)
      await notify(
        tx,
        {
          kind: 'leader.consultation',
          centreId: order.centre_id,
          orderId: order.id,
          textKey: 'notice.consultation',
          vars: { leader: actor.label, orderNo: order.order_no, excerpt: excerptOf(topic) },
          audience: { unitId: unit.id },
          sourceKey: `consultation:${c.id}:${unit.id}`,
        },
        at,
      );
    return c.id;
  });
  return viewOf(deps.db, order.centre_id, id);
}

/** A unit asked in the 会商 records its opinion once (404 when its unit was not asked). */
export async function giveOpinion(deps: Deps, actor: Actor, id: string, opinion: string): Promise<ConsultationView<Date>> {
  need(actor, UNIT_ROLES);
  const c = await findConsultation(deps.db, actor.centreId, id);
  const asked = c && actor.unitPath ? await findParticipant(deps.db, c.id, actor.unitPath) : [];
  if (!c || asked.length === 0) throw notFound('consultation');
  if (c.concluded_at) throw domainError('CONFLICT', 'leaders.concluded');
  // The actor's own unit answers first; a unit above answers for a sub-unit that was asked.
  const unit = asked.find((u) => u.unit_id === actor.unitId && u.opinion === null) ?? asked.find((u) => u.opinion === null);
  if (!unit) throw domainError('CONFLICT', 'leaders.opinionGiven');
  const order = await findOrder(deps.db, { centreId: actor.centreId, unitPath: null }, c.order_id);
  if (!order) throw notFound('order');
  const at = deps.clock.now();
  const text = opinion.trim();
  await deps.db.transaction().execute(async (tx) => {
    const done = await recordOpinion(tx, {
      consultationId: c.id,
      unitId: unit.unit_id,
      opinion: text,
      by: actor.userId ?? '',
      at,
    });
    if (!done) throw domainError('CONFLICT', 'leaders.opinionGiven');
    await recordOrderEvent(tx, order, {
      kind: 'consult_opinion',
      by: actor,
      at,
      note: text,
      payload: { consultationId: c.id, unitId: unit.unit_id, unitName: unit.unit_name },
    });
    await notify(
      tx,
      {
        kind: 'leader.consultOpinion',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.consultOpinion',
        vars: { unit: unit.unit_name, orderNo: order.order_no },
        audience: { userIds: [c.opened_by] },
        sourceKey: `consult-opinion:${c.id}:${unit.unit_id}`,
      },
      at,
    );
  });
  return viewOf(deps.db, actor.centreId, id);
}

/** The leader records the 会商's conclusion (once); the opinions stay as given. */
export async function concludeConsultationBy(
  deps: Deps,
  actor: Actor,
  id: string,
  conclusion: string,
): Promise<ConsultationView<Date>> {
  need(actor, CONSULT_OPENER_ROLES);
  const c = await findConsultation(deps.db, actor.centreId, id);
  if (!c) throw notFound('consultation');
  const order = await loadVisibleOrder(deps, actor, c.order_id);
  const at = deps.clock.now();
  const text = conclusion.trim();
  await deps.db.transaction().execute(async (tx) => {
    const done = await concludeConsultation(tx, { id: c.id, conclusion: text, by: actor.userId ?? '', at });
    if (!done) throw domainError('CONFLICT', 'leaders.concluded');
    await recordOrderEvent(tx, order, { kind: 'consult_conclude', by: actor, at, note: text, payload: { consultationId: c.id } });
  });
  return viewOf(deps.db, actor.centreId, id);
}

/** 会商 of one visible order; else a unit's (pending: still waiting for its opinion), or the centre's. */
export async function listConsultationsFor(
  deps: Deps,
  actor: Actor,
  f: { orderId?: string; pending?: boolean },
): Promise<ConsultationView<Date>[]> {
  if (f.orderId) {
    const order = await loadVisibleOrder(deps, actor, f.orderId);
    return consultationViews(deps.db, { centreId: actor.centreId, orderId: order.id, limit: 100 });
  }
  need(actor, [...UNIT_ROLES, ...CONSULT_OPENER_ROLES]);
  const unitScope = isUnitScoped(actor) ? { unitPath: actor.unitPath ?? '', pending: f.pending } : {};
  return consultationViews(deps.db, { centreId: actor.centreId, ...unitScope, limit: 200 });
}
