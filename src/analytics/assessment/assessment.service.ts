import type { Deps } from '../../shared/deps.js';
import { domainError, forbidden } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { monthPeriod } from '../period.js';
import { DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from './assessment-config.js';
import { scoreMonth } from './assessment-compute.service.js';
import type { UnitScore } from './assessment-score.js';
import { assessedDepartmentOf, assessedUnitOf, deskAreaOf, parentAssessedUnitOf } from './assessment-units.js';
import { actorDesk } from '../../users/actor-scope.js';
import { listUnits } from '../../org/unit.repository.js';
import { findConfig, findSnapshot, insertSnapshot, listAppeals, listSnapshotRows } from './assessment.repository.js';
import type { MonthAssessmentView } from '../../contract/analytics.js';

export async function loadAssessmentConfig(deps: Deps, centreId: string): Promise<AssessmentConfig> {
  const row = await findConfig(deps.db, centreId);
  if (!row) return DEFAULT_ASSESSMENT_CONFIG;
  return { indicators: row.indicators, deductions: row.deductions, basicSatisfiedWeight: row.basic_satisfied_weight };
}

/** The live scores of a month (see scoreMonth), with the centre's configuration unless one is given. */
export async function computeMonthScores(deps: Deps, centreId: string, month: string, config?: AssessmentConfig) {
  return scoreMonth(deps, centreId, month, config ?? (await loadAssessmentConfig(deps, centreId)));
}

/**
 * Centre roles see every row. A department's admin sees its own row and its county's; a county's
 * admin sees the county's row and its departments'.
 */
function visibleRows(actor: Actor, rows: UnitScore[]): UnitScore[] {
  if (actorDesk(actor)) {
    // a sub-centre's level: its banner/county and the departments and towns it ranks (ADR 0111)
    const area = deskAreaOf(actor.unitPath);
    return rows.filter((r) => area !== null && (r.unitId === area || r.parentUnitId === area));
  }
  if (!isUnitScoped(actor)) return rows;
  const county = assessedUnitOf(actor.unitPath);
  const department = assessedDepartmentOf(actor.unitPath);
  if (department) return rows.filter((r) => r.unitId === county || r.unitId === department);
  return rows.filter((r) => r.unitId === county || (county !== null && r.parentUnitId === county));
}

/** Assessed units by rank, then the departments of each (in that order) by rank among their siblings. */
function byRank(rows: UnitScore[]): UnitScore[] {
  const rank = (a: UnitScore, b: UnitScore) => (a.rank ?? 1e9) - (b.rank ?? 1e9);
  const top = rows.filter((r) => r.parentUnitId === null).sort(rank);
  return [...top, ...top.flatMap((t) => rows.filter((r) => r.parentUnitId === t.unitId).sort(rank))];
}

/** The contract's month (src/contract/analytics.ts) with the server's full rows and config. */
export interface MonthAssessment extends MonthAssessmentView<Date> {
  config: AssessmentConfig;
  rows: UnitScore[];
}

/** The month's ranking: the frozen snapshot when there is one, else the live computation. */
export async function getMonthAssessment(deps: Deps, actor: Actor, month: string): Promise<MonthAssessment> {
  if (!can(actor, 'assessment.read')) throw forbidden();
  monthPeriod(month);
  const snap = await findSnapshot(deps.db, actor.centreId, month);
  if (snap) {
    const pathOf = new Map((await listUnits(deps.db, actor.centreId)).map((u) => [u.id, u.path]));
    const rows = (await listSnapshotRows(deps.db, snap.id)).map((r): UnitScore => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      parentUnitId: parentAssessedUnitOf(pathOf.get(r.unit_id)),
      rank: r.rank,
      score: r.score,
      baseScore: r.base_score,
      deductionPoints: r.deduction_points,
      indicators: r.indicators as unknown as UnitScore['indicators'],
      deductions: r.deductions as unknown as UnitScore['deductions'],
      counters: r.counters as unknown as UnitScore['counters'],
      excludedOrders: r.excluded_orders,
    }));
    const ranked = byRank(rows);
    return {
      month,
      status: 'frozen',
      frozenAt: snap.frozen_at,
      config: snap.config as unknown as AssessmentConfig,
      rows: visibleRows(actor, ranked),
    };
  }
  const config = await loadAssessmentConfig(deps, actor.centreId);
  const rows = await computeMonthScores(deps, actor.centreId, month, config);
  return { month, status: 'draft', frozenAt: null, config, rows: visibleRows(actor, rows) };
}

/**
 * Freezes a month: computes the scores once more and stores them with the configuration used.
 * The rows can never change afterwards (database rules refuse UPDATE and DELETE); freezing the same
 * month again answers 409. A month is frozen only after it is over and its 申诉 are decided.
 */
export async function freezeMonth(deps: Deps, actor: Actor, month: string): Promise<MonthAssessment> {
  // the league freezes the month: a sub-centre only reads its level
  if (!can(actor, 'assessment.run') || isUnitScoped(actor) || actorDesk(actor)) throw forbidden();
  const period = monthPeriod(month);
  const now = deps.clock.now();
  if (now < period.to) throw domainError('CONFLICT', 'assessment.monthNotOver', { month });
  if (await findSnapshot(deps.db, actor.centreId, month)) throw domainError('CONFLICT', 'assessment.alreadyFrozen', { month });
  const pending = (await listAppeals(deps.db, { centreId: actor.centreId, month })).filter((a) => a.status === 'pending');
  if (pending.length > 0) throw domainError('CONFLICT', 'assessment.pendingAppeals', { month, n: pending.length });
  const config = await loadAssessmentConfig(deps, actor.centreId);
  const rows = await computeMonthScores(deps, actor.centreId, month, config);
  const snap = await deps.db
    .transaction()
    .execute((tx) => insertSnapshot(tx, { centreId: actor.centreId, month, config, by: actor.userId, at: now, rows }));
  if (!snap) throw domainError('CONFLICT', 'assessment.alreadyFrozen', { month });
  return getMonthAssessment(deps, actor, month);
}
