import { findCentre, findUnit } from '../../org/unit.repository.js';
import type { Deps } from '../../shared/deps.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { getMonthAssessment } from '../assessment/assessment.service.js';
import { KPI_BY_KEY, type KpiKey } from '../kpi/definitions.js';
import { computeKpis } from '../kpi/kpi.service.js';
import { listHotspotCandidates } from '../hotspots/hotspot.repository.js';
import { MAX_APPEALS_PER_PERIOD, rankHotspots } from '../hotspots/hotspot.service.js';
import { monthPeriod, previousPeriod } from './period.js';
import { listOverdueOrders } from './report.repository.js';

/** KPI columns of the monthly report, in order. */
export const REPORT_KPIS: readonly KpiKey[] = [
  'transferredCount',
  'closedCount',
  'closureRate',
  'timelySignRate',
  'responseRate',
  'onTimeClosureRate',
  'resolutionRate',
  'satisfactionRate',
  'returnRate',
  'rehandleRate',
];

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Which unit the report is about: a unit admin's own subtree (another unit answers 404). */
async function reportUnit(deps: Deps, actor: Actor, unitId: string | undefined) {
  if (!can(actor, 'report.read')) throw forbidden();
  const id = unitId ?? (isUnitScoped(actor) ? (actor.unitId ?? undefined) : undefined);
  if (!id) return null;
  const unit = await findUnit(deps.db, actor.centreId, id);
  if (!unit) throw notFound('unit');
  if (isUnitScoped(actor) && !(actor.unitPath && unit.path.startsWith(actor.unitPath))) throw notFound('unit');
  return unit;
}

export type MonthlyReport = Awaited<ReturnType<typeof buildMonthlyReport>>;

/**
 * The month in figures for a centre or one unit: the KPI table (by unit), the assessment ranking
 * (frozen or draft), the hot issues and the overdue orders. The .xlsx and the printable page render it.
 */
export async function buildMonthlyReport(deps: Deps, actor: Actor, q: { month: string; unitId?: string }) {
  const period = monthPeriod(q.month);
  const unit = await reportUnit(deps, actor, q.unitId);
  const centre = await findCentre(deps.db, actor.centreId);
  const kpis = await computeKpis(deps, {
    centreId: actor.centreId,
    from: `${q.month}-01`,
    to: lastDay(q.month),
    groupBy: 'unit',
    ...(unit ? { unitId: unit.id } : {}),
  });
  const row = (name: string, k: (typeof kpis)['total']) => ({
    name,
    values: REPORT_KPIS.map((key) => k.kpis[key].value),
  });
  const kpiRows = kpis.groups
    .filter((g) => g.key !== 'none' || !unit)
    .map((g) => row(g.name ?? (g.key === 'none' ? '中心（未派单）' : g.key), g))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const assessment = await getMonthAssessment(deps, actor, q.month);
  const ranking = unit
    ? assessment.rows.filter((r) => unit.path.includes(`/${r.unitId}/`) || r.unitId === unit.id)
    : assessment.rows;
  return {
    month: q.month,
    centreName: centre?.name ?? '',
    unitName: unit?.name ?? null,
    generatedAt: deps.clock.now(),
    kpiColumns: REPORT_KPIS.map((key) => ({ key, name: KPI_BY_KEY[key].zh, kind: KPI_BY_KEY[key].kind })),
    kpiRows,
    kpiTotal: row(unit ? unit.name : '合计', kpis.total),
    ranking: { status: assessment.status, rows: ranking },
    hotspots: await monthHotspots(deps, actor, period, unit?.path ?? null),
    overdue: await listOverdueOrders(deps.db, {
      centreId: actor.centreId,
      ...period,
      asOf: deps.clock.now(),
      unitPath: unit?.path ?? null,
      limit: 1000,
    }),
  };
}

/** The month's top hot issues; in a unit's report, only appeals last dispatched into that unit's subtree. */
async function monthHotspots(deps: Deps, actor: Actor, period: { from: Date; to: Date }, unitPath: string | null) {
  const previous = previousPeriod(period);
  const load = (p: { from: Date; to: Date }) =>
    listHotspotCandidates(deps.db, { centreId: actor.centreId, ...p, regionIds: null, limit: MAX_APPEALS_PER_PERIOD }).then(
      (rows) => rows.reverse(),
    );
  let appeals = [...(await load(previous)), ...(await load(period))];
  if (unitPath) appeals = appeals.filter((a) => a.lead_unit_path?.startsWith(unitPath));
  return rankHotspots(appeals, period, { minSize: 2 }).slice(0, 20);
}
