import type { Unit } from '../../db/schema.js';
import { listUnits } from '../../org/unit.repository.js';
import type { Deps } from '../../shared/deps.js';
import { zeroCounters } from '../kpi/counters.js';
import { computeKpis } from '../kpi/kpi.service.js';
import { monthPeriod } from '../period.js';
import type { AssessmentConfig } from './assessment-config.js';
import { listOrderFacts, listReturnFacts } from './assessment-facts.repository.js';
import { scoreUnits, type OrderFacts, type ReturnFact, type UnitScore } from './assessment-score.js';
import { assessedDepartmentOf, assessedDepartments, assessedUnitOf, assessedUnits } from './assessment-units.js';
import { listAcceptedAppeals, listExcludedOrderIds } from './assessment.repository.js';

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

type Level = (path: string | null | undefined) => string | null;

/**
 * The live (not frozen) scores of a month, computed now from the event history: the assessed units
 * (below the centre's root) ranked among themselves, then the departments of each assessed unit that
 * has any, ranked among their siblings (`parentUnitId` set). Each row is scored with its subtree.
 */
export async function scoreMonth(deps: Deps, centreId: string, month: string, config: AssessmentConfig) {
  const period = monthPeriod(month);
  const units = await listUnits(deps.db, centreId);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const kpisBelow = (unitId?: string) =>
    computeKpis(deps, {
      centreId,
      from: `${month}-01`,
      to: lastDayOf(month),
      groupBy: 'unit',
      ...(unitId ? { unitId } : {}),
      params: { basicSatisfiedWeight: config.basicSatisfiedWeight },
    });
  const range = { centreId, ...period, asOf: deps.clock.now() };
  const [facts, returns, excluded, accepted] = await Promise.all([
    listOrderFacts(deps.db, range),
    listReturnFacts(deps.db, range),
    listExcludedOrderIds(deps.db, centreId),
    listAcceptedAppeals(deps.db, centreId, month),
  ]);
  // An accepted 申诉 of a unit takes the order out of its department's and its assessed unit's score.
  const appealed = new Set(
    accepted.flatMap((a) =>
      [assessedUnitOf, assessedDepartmentOf].map((level) => `${a.order_id}/${level(pathOf.get(a.unit_id)) ?? a.unit_id}`),
    ),
  );
  const isExcluded = (orderId: string, unitId: string) => excluded.has(orderId) || appealed.has(`${orderId}/${unitId}`);
  const factsAt = (level: Level): OrderFacts[] =>
    facts.map((f) => ({
      orderId: f.order_id,
      unitId: level(pathOf.get(f.unit_id)),
      overdue: f.overdue,
      rehandles: Number(f.rehandles),
      visitsValid: Number(f.visits_valid),
      visitsSatisfied: Number(f.visits_satisfied),
      visitsBasic: Number(f.visits_basic),
      visitsResolved: Number(f.visits_resolved),
    }));
  const returnsAt = (level: Level): ReturnFact[] =>
    returns.flatMap((r) => {
      const unitId = level(pathOf.get(r.unit_id));
      return unitId ? [{ orderId: r.order_id, unitId }] : [];
    });
  const score = async (rowUnits: Unit[], parentUnitId: string | null, level: Level) => {
    const kpis = await kpisBelow(parentUnitId ?? undefined);
    const countersOf = new Map(kpis.groups.map((g) => [g.key, g.counters]));
    const inputs = rowUnits.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      parentUnitId,
      counters: countersOf.get(u.id) ?? zeroCounters(),
    }));
    return scoreUnits(inputs, factsAt(level), returnsAt(level), isExcluded, config);
  };
  const top = assessedUnits(units);
  const rows: UnitScore[] = await score(top, null, assessedUnitOf);
  for (const parent of top) {
    const departments = assessedDepartments(units, parent.id);
    if (departments.length > 0) rows.push(...(await score(departments, parent.id, assessedDepartmentOf)));
  }
  return rows;
}
