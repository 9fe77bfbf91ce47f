import type { KpiGroupView, KpiReportView } from '../../contract/kpi.js';
import { listCategories, listRegions } from '../../org/catalog.repository.js';
import { listApiClientNames } from '../../apiclients/api-client.repository.js';
import { findCentre, findUnit, listUnits } from '../../org/unit.repository.js';
import type { Deps } from '../../shared/deps.js';
import { forbidden, invalidField, notFound } from '../../shared/errors.js';
import { hasAnyRole, isUnitScoped, type Actor, type Role } from '../../users/roles.js';
import { addCounters, zeroCounters, type KpiCounters } from './counters.js';
import { DEFAULT_KPI_PARAMS, evaluateAll, KPI_DEFINITIONS, type KpiKey, type KpiParams, type KpiValue } from './definitions.js';
import { daysBetween, isDay, localDay, previousPeriod } from './kpi-days.js';
import { groupRows, neededDims, type Catalog, type Group, type GroupBy, type KpiFilter } from './kpi-grouping.js';
import { loadCounterRows } from './kpi-rows.service.js';
import { localDayStart, readKpiNow, type KpiNow } from './kpi-now.repository.js';
import { isInSubtree } from '../../shared/subtree.js';
import { actorDesk } from '../../users/actor-scope.js';

export interface KpiQuery extends KpiFilter {
  centreId: string;
  /** Local days, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  groupBy?: GroupBy;
  /** Overrides of the configured parameters (deps.settings), e.g. a centre's assessment weights. */
  params?: Partial<KpiParams>;
  /** 'raw' recomputes every day from the events (the bench's baseline; the rollups' check). */
  source?: 'auto' | 'raw';
  /** Only enterprise appeals (涉企诉求): the enterprise desk's own figures (ADR 0137). */
  enterpriseOnly?: boolean;
}

export interface KpiFigure extends KpiValue {
  /** Value in the previous period (same grouping key). */
  previous: number | null;
  /** value − previous (percentage points as a fraction for ratios). */
  change: number | null;
}

export interface KpiGroupReport extends KpiGroupView {
  key: string;
  name: string | null;
  counters: KpiCounters;
  kpis: Record<KpiKey, KpiFigure>;
}

export interface KpiReport extends KpiReportView {
  centreId: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
  groupBy: GroupBy;
  filter: KpiFilter;
  params: KpiParams;
  definitions: typeof KPI_DEFINITIONS;
  total: KpiGroupReport;
  groups: KpiGroupReport[];
  source: { rollupDays: number; rawDays: number };
}

/** The longest period one request may cover. */
const MAX_DAYS = 3 * 366;

async function loadCatalog(deps: Deps, centreId: string): Promise<Catalog> {
  const [units, regions, categories, clients] = await Promise.all([
    listUnits(deps.db, centreId),
    listRegions(deps.db, centreId),
    listCategories(deps.db, centreId),
    listApiClientNames(deps.db, centreId),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    regions: new Map(regions.map((r) => [r.id, r])),
    categories: new Map(categories.map((c) => [c.id, c])),
    clients: new Map(clients.map((c) => [c.id, { name: c.name }])),
    rootUnitId: units.find((u) => u.parent_id === null)?.id ?? null,
  };
}

function figures(current: KpiCounters, previous: KpiCounters | undefined, params: KpiParams): Record<KpiKey, KpiFigure> {
  const now = evaluateAll(current, params);
  const before = previous ? evaluateAll(previous, params) : undefined;
  const out = {} as Record<KpiKey, KpiFigure>;
  for (const key of Object.keys(now) as KpiKey[]) {
    const prev = before?.[key].value ?? null;
    const value = now[key].value;
    out[key] = { ...now[key], previous: prev, change: value !== null && prev !== null ? value - prev : null };
  }
  return out;
}

function validate(q: KpiQuery) {
  if (!isDay(q.from)) throw invalidField('from');
  if (!isDay(q.to) || q.to < q.from) throw invalidField('to');
  if (daysBetween(q.from, q.to) >= MAX_DAYS) throw invalidField('to', `≤ ${MAX_DAYS} days`);
}

/**
 * The KPIs of a centre for a period, grouped as asked, with the previous period's values.
 * No authorization here: callers (the API below, the monthly assessment) decide who may see what.
 * Example: computeKpis(deps, { centreId, from: '2021-05-01', to: '2021-05-31', groupBy: 'unit' })
 * gives one group per top-level unit (each with its sub-units) with 响应率/解决率/满意率 etc.
 */
export async function computeKpis(deps: Deps, q: KpiQuery): Promise<KpiReport> {
  validate(q);
  const centre = await findCentre(deps.db, q.centreId);
  if (!centre) throw notFound('unit');
  const groupBy = q.groupBy ?? 'centre';
  const filter: KpiFilter = {
    unitId: q.unitId,
    regionId: q.regionId,
    categoryId: q.categoryId,
    channel: q.channel,
    line: q.line,
    appealType: q.appealType,
  };
  const params: KpiParams = { ...DEFAULT_KPI_PARAMS, basicSatisfiedWeight: deps.settings.kpiBasicSatisfiedWeight, ...q.params };
  const catalog = await loadCatalog(deps, centre.id);
  if (q.unitId && !catalog.units.has(q.unitId)) throw invalidField('unitId');
  if (q.regionId && !catalog.regions.has(q.regionId)) throw invalidField('regionId');
  if (q.categoryId && !catalog.categories.has(q.categoryId)) throw invalidField('categoryId');
  const prev = previousPeriod(q.from, q.to);
  const today = localDay(deps.clock.now(), centre.timezone);
  const load = (fromDay: string, toDay: string) =>
    loadCounterRows(deps.db, {
      centreId: centre.id,
      timeZone: centre.timezone,
      fromDay,
      toDay,
      today,
      keep: neededDims(groupBy, filter),
      rawOnly: q.source === 'raw',
      enterpriseOnly: q.enterpriseOnly,
    });
  const [cur, before] = await Promise.all([load(q.from, q.to), load(prev.from, prev.to)]);
  const curGroups = groupRows(cur.rows, groupBy, filter, catalog);
  const prevGroups = groupRows(before.rows, groupBy, filter, catalog);
  const prevByKey = new Map(prevGroups.map((g) => [g.key, g.counters]));
  const totalCounters = sumGroups(curGroups);
  return {
    centreId: centre.id,
    from: q.from,
    to: q.to,
    previous: prev,
    groupBy,
    filter,
    params,
    definitions: KPI_DEFINITIONS,
    total: { key: 'all', name: null, counters: totalCounters, kpis: figures(totalCounters, sumGroups(prevGroups), params) },
    groups: curGroups.map((g) => ({ ...g, kpis: figures(g.counters, prevByKey.get(g.key), params) })),
    source: { rollupDays: cur.rollupDays + before.rollupDays, rawDays: cur.rawDays + before.rawDays },
  };
}

function sumGroups(groups: readonly Group[]): KpiCounters {
  const total = zeroCounters();
  for (const g of groups) addCounters(total, g.counters);
  return total;
}

/** Roles that see the whole centre's figures; unit admins see their own subtree only. */
export const KPI_CENTRE_ROLES: readonly Role[] = ['leader', 'analyst', 'supervisor'];
export const KPI_UNIT_ROLES: readonly Role[] = ['unit_admin'];

/**
 * computeKpis for a signed-in person: role check, a unit admin is held to their own subtree, and a
 * sub-centre's staff to the region subtree their desk owns (ADR 0111): routing gives the desk exactly
 * those orders, and the rollups already carry the region.
 */
export async function getKpisFor(deps: Deps, actor: Actor, q: Omit<KpiQuery, 'centreId'>): Promise<KpiReport> {
  const centreWide = hasAnyRole(actor, KPI_CENTRE_ROLES) && !isUnitScoped(actor);
  if (!centreWide && !hasAnyRole(actor, KPI_UNIT_ROLES)) throw forbidden();
  const desk = actorDesk(actor);
  if (centreWide && desk)
    return computeKpis(deps, { ...q, regionId: await deskRegionFilter(deps, actor, desk, q.regionId), centreId: actor.centreId });
  let unitId = q.unitId;
  if (!centreWide) {
    if (!actor.unitId || !actor.unitPath) throw forbidden();
    if (!unitId) unitId = actor.unitId;
    const unit = await findUnit(deps.db, actor.centreId, unitId);
    // Another unit's figures answer 404, like another unit's orders.
    if (!unit || !isInSubtree(unit.path, actor.unitPath)) throw notFound('unit');
  }
  return computeKpis(deps, { ...q, unitId, centreId: actor.centreId });
}

/** The region a sub-centre's figures are narrowed to: its own, or one inside it (another answers 404). */
async function deskRegionFilter(deps: Deps, actor: Actor, deskUnitId: string, asked: string | undefined): Promise<string> {
  const [desk, regions] = await Promise.all([
    findUnit(deps.db, actor.centreId, deskUnitId),
    listRegions(deps.db, actor.centreId),
  ]);
  const own = desk?.region_id;
  if (!own) throw notFound('unit');
  if (!asked) return own;
  const parentOf = new Map(regions.map((r) => [r.id, r.parent_id]));
  for (let at: string | null | undefined = asked, hops = 0; at && hops <= regions.length; at = parentOf.get(at), hops++) {
    if (at === own) return asked;
  }
  throw notFound('unit');
}

/** Live counts for the dashboard and the wall screen (open, red, yellow, today's intake and closures). */
export async function getKpiNowFor(deps: Deps, actor: Actor): Promise<KpiNow & { at: Date }> {
  const centreWide = hasAnyRole(actor, KPI_CENTRE_ROLES) && !isUnitScoped(actor);
  if (!centreWide && !hasAnyRole(actor, KPI_UNIT_ROLES)) throw forbidden();
  if (!centreWide && !actor.unitPath) throw forbidden();
  const centre = await findCentre(deps.db, actor.centreId);
  if (!centre) throw notFound('unit');
  const now = deps.clock.now();
  const dayStart = await localDayStart(deps.db, localDay(now, centre.timezone), centre.timezone);
  const counts = await readKpiNow(deps.db, {
    centreId: centre.id,
    unitPath: centreWide ? null : actor.unitPath,
    deskUnitId: centreWide ? actorDesk(actor) : null,
    now,
    dayStart,
  });
  return { ...counts, at: now };
}
