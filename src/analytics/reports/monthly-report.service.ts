import { findCentre, findUnit } from '../../org/unit.repository.js';
import { ensureCentreDictionary } from '../../text/dictionary.service.js';
import type { Deps } from '../../shared/deps.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { can } from '../../users/permissions.js';
import { isUnitScoped, type Actor } from '../../users/roles.js';
import { getMonthAssessment } from '../assessment/assessment.service.js';
import { KPI_BY_KEY, type KpiKey } from '../kpi/definitions.js';
import { computeKpis } from '../kpi/kpi.service.js';
import { listHotspotCandidates } from '../hotspots/hotspot.repository.js';
import { MAX_APPEALS_PER_PERIOD, rankHotspots } from '../hotspots/hotspot.service.js';
import { KPI_ROW_LABEL } from './monthly-report.words.js';
import { monthPeriod, previousPeriod } from '../period.js';
import { listOverdueOrders } from './report.repository.js';
import { isInSubtree } from '../../shared/subtree.js';
import { CHANNEL_LABELS } from '../../contract/labels.js';
import type { Channel } from '../../contract/vocabulary.js';
import { computeMergedLineReport } from '../../channels/merged-line-report.service.js';

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

/** Columns of the by-channel sheet: how many came in by each channel, then the report's KPIs. */
export const CHANNEL_REPORT_KPIS: readonly KpiKey[] = ['acceptedCount', ...REPORT_KPIS];

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
  if (isUnitScoped(actor) && !(actor.unitPath && isInSubtree(unit.path, actor.unitPath))) throw notFound('unit');
  return unit;
}

export type MonthlyReport = Awaited<ReturnType<typeof buildMonthlyReport>>;

/**
 * The month in figures for a centre or one unit: the KPI table (by unit and by channel), the
 * assessment ranking (frozen or draft), the hot issues, the overdue orders and, for the centre, the
 * merged hotlines (归并热线). The .xlsx and the printable page render it.
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
  const groups = kpis.groups.filter((g) => g.key !== 'none' || !unit);
  // In a unit's report the unit's own orders share its name with the report; next to its
  // sub-units they are marked 本级, and a unit with no orders still has its row.
  const nameOf = (g: (typeof groups)[number]) =>
    g.key === 'none'
      ? KPI_ROW_LABEL.undispatched
      : g.key === unit?.id && groups.length > 1
        ? `${unit.name}${KPI_ROW_LABEL.ownLevel}`
        : (g.name ?? g.key);
  const kpiRows =
    unit && groups.length === 0
      ? [row(unit.name, kpis.total)]
      : groups.map((g) => row(nameOf(g), g)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const byChannel = await computeKpis(deps, {
    centreId: actor.centreId,
    from: `${q.month}-01`,
    to: lastDay(q.month),
    groupBy: 'channel',
    ...(unit ? { unitId: unit.id } : {}),
  });
  const assessment = await getMonthAssessment(deps, actor, q.month);
  const ranking = unit
    ? assessment.rows.filter((r) => unit.path.includes(`/${r.unitId}/`) || r.unitId === unit.id)
    : assessment.rows.filter((r) => r.parentUnitId === null);
  return {
    month: q.month,
    centreName: centre?.name ?? '',
    unitName: unit?.name ?? null,
    generatedAt: deps.clock.now(),
    kpiColumns: REPORT_KPIS.map((key) => ({ key, name: KPI_BY_KEY[key].zh, kind: KPI_BY_KEY[key].kind })),
    kpiRows,
    /** The sum row, only under two or more rows: with one it would repeat that row's figures. */
    kpiTotal: kpiRows.length > 1 ? row(KPI_ROW_LABEL.total, kpis.total) : null,
    ranking: { status: assessment.status, rows: ranking },
    channelColumns: CHANNEL_REPORT_KPIS.map((key) => ({ key, name: KPI_BY_KEY[key].zh, kind: KPI_BY_KEY[key].kind })),
    channelRows: byChannel.groups.map((g) => ({
      key: g.key,
      name: CHANNEL_LABELS[g.key as Channel]?.zh ?? g.key,
      values: CHANNEL_REPORT_KPIS.map((key) => g.kpis[key].value),
    })),
    /** The merged hotlines (归并热线) are the whole hotline's figures: in the centre's report only. */
    mergedLines: unit ? null : await computeMergedLineReport(deps, actor.centreId, q.month),
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
  await ensureCentreDictionary(deps.db, deps.clock, actor.centreId);
  const load = (p: { from: Date; to: Date }) =>
    listHotspotCandidates(deps.db, { centreId: actor.centreId, ...p, regionIds: null, limit: MAX_APPEALS_PER_PERIOD }).then(
      (rows) => rows.reverse(),
    );
  let appeals = [...(await load(previous)), ...(await load(period))];
  if (unitPath) appeals = appeals.filter((a) => a.lead_unit_path !== null && isInSubtree(a.lead_unit_path, unitPath));
  return rankHotspots(appeals, period, { minSize: 2, limit: 20 });
}
