import type { Deps } from '../shared/deps.js';
import type { Unit } from '../db/schema.js';
import { takeLeaderCase } from '../leaders/leader-case.service.js';
import { acknowledgeInstruction, writeInstruction } from '../leaders/instruction.service.js';
import { giveOpinion, openConsultation } from '../leaders/consultation.service.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { Actor, Role } from '../users/roles.js';
import { DEMO_ACKED_INSTRUCTION, DEMO_CASE_NOTES, DEMO_CONSULTATION, DEMO_INSTRUCTION } from './demo-leaders.data.js';
import { openOrdersPreferringUnit } from './demo-leaders.repository.js';
import { DEMO_HANDLER_UNIT, type DemoCatalog } from './demo-org.service.js';

/** The demo account `username` as the actor it signs in as (its one role, its unit). */
async function demoActor(deps: Deps, catalog: DemoCatalog, username: string, role: Role): Promise<Actor | null> {
  const user = await findUserByUsername(deps.db, username);
  const unit = catalog.units.find((u) => u.id === user?.unit_id);
  if (!user || !unit) return null;
  return {
    kind: 'user',
    userId: user.id,
    centreId: catalog.centreId,
    unitId: unit.id,
    unitPath: unit.path,
    roles: [role],
    label: user.display_name,
  };
}

/**
 * After the history: the `leader` owns three open orders, the handler unit's first (我的包案); one has a
 * 批示 waiting for its 签收, one a 批示 the handler signed for, waiting for the answer, and one a 会商
 * with the handler's unit (its opinion given by `unitadmin`) and the heating company (still waiting).
 */
export async function seedDemoLeaders(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const [leader, handler, unitAdmin] = await Promise.all([
    demoActor(deps, catalog, 'leader', 'leader'),
    demoActor(deps, catalog, 'handler', 'unit_handler'),
    demoActor(deps, catalog, 'unitadmin', 'unit_admin'),
  ]);
  const unit = catalog.units.find((u) => u.name === DEMO_HANDLER_UNIT);
  const other: Unit | undefined = catalog.units.find((u) => u.name === DEMO_CONSULTATION.otherUnit);
  if (!leader || !handler || !unitAdmin || !unit) return 0;
  // The handler's unit's open orders first; a short history may have fewer, then other units' too.
  const orders = await openOrdersPreferringUnit(deps.db, catalog.centreId, unit.id, DEMO_CASE_NOTES.length);
  for (const [i, order] of orders.entries()) await takeLeaderCase(deps, leader, order.id, DEMO_CASE_NOTES[i]);
  const [first, second, third] = orders;
  if (first) await writeInstruction(deps, leader, first.id, DEMO_INSTRUCTION);
  if (second) {
    const acked = await writeInstruction(deps, leader, second.id, DEMO_ACKED_INSTRUCTION);
    if (second.lead_unit_id === unit.id) await acknowledgeInstruction(deps, handler, acked.id);
  }
  if (third) {
    const c = await openConsultation(deps, leader, third.id, {
      topic: DEMO_CONSULTATION.topic,
      unitIds: other ? [unit.id, other.id] : [unit.id],
    });
    await giveOpinion(deps, unitAdmin, c.id, DEMO_CONSULTATION.opinion);
  }
  return orders.length;
}
