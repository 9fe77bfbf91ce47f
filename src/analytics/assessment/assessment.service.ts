import { listUnits } from '../../org/unit.repository.js';
import type { Deps } from '../../shared/deps.js';
import { domainError, forbidden } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { zeroCounters } from '../kpi/counters.js';
import { computeKpis } from '../kpi/kpi.service.js';
import { monthPeriod } from '../period.js';
import { DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from './assessment-config.js';
import { listOrderFacts, listReturnFacts } from './assessment-facts.repository.js';
import { scoreUnits, type UnitScore } from './assessment-score.js';
import { assessedUnitOf, assessedUnits } from './assessment-units.js';
import {
  findConfig,
  findSnapshot,
  insertSnapshot,
  listAcceptedAppeals,
  listAppeals,
  listExcludedOrderIds,
  listSnapshotRows,
} from './assessment.repository.js';

export async function loadAssessmentConfig(deps: Deps, centreId: string): Promise<AssessmentConfig> {
  const row = await findConfig(deps.db, centreId);
  if (!row) return DEFAULT_ASSESSMENT_CONFIG;
  return { indicators: row.indicators, deductions: row.deductions, basicSatisfiedWeight: row.basic_satisfied_weight };
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The live (not frozen) scores of a month, computed now from the event history. */
export async function computeMonthScores(deps: Deps, centreId: string, month: string, config?: AssessmentConfig) {
  const period = monthPeriod(month);
  const cfg = config ?? (await loadAssessmentConfig(deps, centreId));
  const units = await listUnits(deps.db, centreId);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const kpis = await computeKpis(deps, {
    centreId,
    from: `${month}-01`,
    to: lastDayOf(month),
    groupBy: 'unit',
    params: { basicSatisfiedWeight: cfg.basicSatisfiedWeight },
  });
  const countersOf = new Map(kpis.groups.map((g) => [g.key, g.counters]));
  const range = { centreId, ...period, asOf: deps.clock.now() };
  const [facts, returns, excluded, accepted] = await Promise.all([
    listOrderFacts(deps.db, range),
    listReturnFacts(deps.db, range),
    listExcludedOrderIds(deps.db, centreId),
    listAcceptedAppeals(deps.db, centreId, month),
  ]);
  const appealed = new Set(accepted.map((a) => `${a.order_id}/${a.unit_id}`));
  const isExcluded = (orderId: string, unitId: string) => excluded.has(orderId) || appealed.has(`${orderId}/${unitId}`);
  return scoreUnits(
    assessedUnits(units).map((u) => ({ unitId: u.id, unitName: u.name, counters: countersOf.get(u.id) ?? zeroCounters() })),
    facts.map((f) => ({
      orderId: f.order_id,
      unitId: assessedUnitOf(pathOf.get(f.unit_id)),
      overdue: f.overdue,
      rehandles: Number(f.rehandles),
      visitsValid: Number(f.visits_valid),
      visitsSatisfied: Number(f.visits_satisfied),
      visitsBasic: Number(f.visits_basic),
      visitsResolved: Number(f.visits_resolved),
    })),
    returns.flatMap((r) => {
      const unitId = assessedUnitOf(pathOf.get(r.unit_id));
      return unitId ? [{ orderId: r.order_id, unitId }] : [];
    }),
    isExcluded,
    cfg,
  );
}

/** A unit admin sees the row of the assessed unit they belong to; centre roles see every row. */
function visibleRows<T extends { unitId: string }>(actor: Actor, rows: T[]): T[] {
  if (!isUnitScoped(actor)) return rows;
  const own = assessedUnitOf(actor.unitPath);
  return rows.filter((r) => r.unitId === own);
}

export interface MonthAssessment {
  month: string;
  status: 'draft' | 'frozen';
  frozenAt: Date | null;
  config: AssessmentConfig;
  rows: UnitScore[];
}

/** The month's ranking: the frozen snapshot when there is one, else the live computation. */
export async function getMonthAssessment(deps: Deps, actor: Actor, month: string): Promise<MonthAssessment> {
  if (!can(actor, 'assessment.read')) throw forbidden();
  monthPeriod(month);
  const snap = await findSnapshot(deps.db, actor.centreId, month);
  if (snap) {
    const rows = (await listSnapshotRows(deps.db, snap.id)).map((r): UnitScore => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      rank: r.rank,
      score: r.score,
      baseScore: r.base_score,
      deductionPoints: r.deduction_points,
      indicators: r.indicators as unknown as UnitScore['indicators'],
      deductions: r.deductions as unknown as UnitScore['deductions'],
      counters: r.counters as unknown as UnitScore['counters'],
      excludedOrders: r.excluded_orders,
    }));
    const ranked = [...rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
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
  if (!can(actor, 'assessment.run') || isUnitScoped(actor)) throw forbidden();
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
