import type { Deps } from '../../shared/deps.js';
import { forbidden } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { actorDesk } from '../../users/actor-scope.js';
import { previousMonth } from '../period.js';
import { validateConfig, type AssessmentConfig } from './assessment-config.js';
import { listUnits } from '../../org/unit.repository.js';
import { assessedUnitOf, deskAreaOf, ownAssessedUnitOf } from './assessment-units.js';
import { listUnitHistory, upsertConfig } from './assessment.repository.js';
import { loadAssessmentConfig } from './assessment.service.js';
import type { AssessmentHistoryView } from '../../contract/analytics.js';

export async function getAssessmentConfig(deps: Deps, actor: Actor): Promise<AssessmentConfig> {
  if (!can(actor, 'assessment.read') && !can(actor, 'assessment.configure')) throw forbidden();
  return loadAssessmentConfig(deps, actor.centreId);
}

/** Admins set the centre's indicators, weights and points; frozen months keep the config they used. */
export async function updateAssessmentConfig(deps: Deps, actor: Actor, input: AssessmentConfig): Promise<AssessmentConfig> {
  if (!can(actor, 'assessment.configure')) throw forbidden();
  const config = validateConfig(input);
  await upsertConfig(deps.db, actor.centreId, config, actor.userId, deps.clock.now());
  return config;
}

/**
 * Frozen scores per unit over the last `months` months (up to `toMonth`), for the history chart.
 * A unit admin gets their own row only (their department's when they belong to one).
 */
export async function getAssessmentHistory(
  deps: Deps,
  actor: Actor,
  q: { toMonth: string; months: number; unitId?: string },
): Promise<AssessmentHistoryView> {
  if (!can(actor, 'assessment.read')) throw forbidden();
  let fromMonth = q.toMonth;
  for (let i = 1; i < q.months; i++) fromMonth = previousMonth(fromMonth);
  let unitIds: string[] | null = q.unitId ? [q.unitId] : null;
  if (actorDesk(actor)) {
    // a sub-centre's chart: its banner/county and the departments and towns it ranks (ADR 0111)
    const area = deskAreaOf(actor.unitPath);
    const level = (await listUnits(deps.db, actor.centreId)).filter(
      (u) => u.id === area || (u.parent_id === area && u.kind !== 'sub_centre'),
    );
    unitIds = level.map((u) => u.id).filter((id) => !q.unitId || id === q.unitId);
  } else if (isUnitScoped(actor)) {
    const own = ownAssessedUnitOf(actor.unitPath);
    unitIds = own && (!q.unitId || q.unitId === own) ? [own] : [];
  } else if (!unitIds) {
    // The centre's chart compares the assessed units; department rows are ranked only among siblings.
    unitIds = (await listUnits(deps.db, actor.centreId)).filter((u) => assessedUnitOf(u.path) === u.id).map((u) => u.id);
  }
  const rows = await listUnitHistory(deps.db, actor.centreId, unitIds, fromMonth);
  return {
    fromMonth,
    toMonth: q.toMonth,
    items: rows
      .filter((r) => r.month <= q.toMonth)
      .map((r) => ({
        month: r.month,
        unitId: r.unit_id,
        unitName: r.unit_name,
        rank: r.rank,
        score: r.score,
        baseScore: r.base_score,
        deductionPoints: r.deduction_points,
      })),
  };
}
