import { addCounters, zeroCounters, type KpiCounters } from './counters.js';
import type { KpiRow } from './kpi-facts.repository.js';
import { monthOf, weekOf } from './kpi-days.js';
import { isInSubtree } from '../../shared/subtree.js';

export const GROUP_BYS = [
  'centre',
  'unit',
  'region',
  'category',
  'channel',
  'line',
  'client',
  'appealType',
  'day',
  'week',
  'month',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface KpiFilter {
  unitId?: string;
  regionId?: string;
  categoryId?: string;
  channel?: string;
  /** The hotline number dialled (12345 or a merged line). */
  line?: string;
  appealType?: string;
}

interface Node {
  id: string;
  name: string;
  parent_id: string | null;
}
/** The centre's organisation and catalogues, for subtree filters and grouping by ancestor. */
export interface Catalog {
  units: Map<string, Node & { path: string }>;
  regions: Map<string, Node>;
  categories: Map<string, Node & { path: string }>;
  /** The centre's API clients (issue 17), for the names of groupBy=client. */
  clients: Map<string, { name: string }>;
  rootUnitId: string | null;
}

export interface Group {
  key: string;
  name: string | null;
  counters: KpiCounters;
}

const pathIds = (path: string) => path.split('/').filter(Boolean);

function regionChain(catalog: Catalog, id: string): string[] {
  const chain: string[] = [];
  for (let cur: string | null = id; cur && chain.length < 20; cur = catalog.regions.get(cur)?.parent_id ?? null) chain.push(cur);
  return chain;
}

/** Rows inside the filter: unit and category by subtree, region with its sub-regions. */
export function rowFilter(f: KpiFilter, catalog: Catalog): (row: Partial<KpiRow>) => boolean {
  const unitPath = f.unitId ? (catalog.units.get(f.unitId)?.path ?? '#none#') : null;
  const catPath = f.categoryId ? (catalog.categories.get(f.categoryId)?.path ?? '#none#') : null;
  return (row) => {
    if (unitPath && !(row.unit_id && isInSubtree(catalog.units.get(row.unit_id)?.path ?? '', unitPath))) return false;
    if (catPath && !(row.category_id && isInSubtree(catalog.categories.get(row.category_id)?.path ?? '', catPath))) return false;
    if (f.regionId && !(row.region_id && regionChain(catalog, row.region_id).includes(f.regionId))) return false;
    if (f.channel && row.channel !== f.channel) return false;
    if (f.line && row.line !== f.line) return false;
    if (f.appealType && row.appeal_type !== f.appealType) return false;
    return true;
  };
}

/** The child of `parentId` on the way down to `path` (or the parent itself when the row sits on it). */
function childOnPath(path: string, parentId: string | null): string | null {
  const ids = pathIds(path);
  if (parentId === null) return ids[0] ?? null;
  const at = ids.indexOf(parentId);
  if (at < 0) return null;
  return ids[at + 1] ?? parentId;
}

type Keyer = (row: Partial<KpiRow>) => string;

function keyer(groupBy: GroupBy, f: KpiFilter, catalog: Catalog): Keyer {
  switch (groupBy) {
    case 'centre':
      return () => 'all';
    case 'unit': {
      const parent = f.unitId ?? catalog.rootUnitId;
      return (r) => {
        const path = r.unit_id ? catalog.units.get(r.unit_id)?.path : undefined;
        return (path && childOnPath(path, parent)) || 'none';
      };
    }
    case 'category':
      return (r) => {
        const path = r.category_id ? catalog.categories.get(r.category_id)?.path : undefined;
        return (path && childOnPath(path, f.categoryId ?? null)) || 'none';
      };
    case 'region':
      return (r) => {
        if (!r.region_id) return 'none';
        const chain = regionChain(catalog, r.region_id);
        if (!f.regionId) return chain[chain.length - 1]!;
        const at = chain.indexOf(f.regionId);
        return at <= 0 ? f.regionId : chain[at - 1]!;
      };
    case 'channel':
      return (r) => r.channel ?? 'none';
    case 'line':
      return (r) => r.line ?? 'none';
    case 'client':
      return (r) => r.client_id ?? 'none';
    case 'appealType':
      return (r) => r.appeal_type ?? 'none';
    case 'day':
      return (r) => r.day!;
    case 'week':
      return (r) => weekOf(r.day!);
    case 'month':
      return (r) => monthOf(r.day!);
  }
}

function nameOf(groupBy: GroupBy, key: string, catalog: Catalog): string | null {
  if (groupBy === 'unit') return catalog.units.get(key)?.name ?? null;
  if (groupBy === 'region') return catalog.regions.get(key)?.name ?? null;
  if (groupBy === 'category') return catalog.categories.get(key)?.name ?? null;
  if (groupBy === 'client') return catalog.clients.get(key)?.name ?? null;
  return null;
}

/** Sums the rows inside the filter into groups, sorted by key (time) or by accepted volume. */
export function groupRows(rows: readonly Partial<KpiRow>[], groupBy: GroupBy, f: KpiFilter, catalog: Catalog): Group[] {
  const inside = rowFilter(f, catalog);
  const keyOf = keyer(groupBy, f, catalog);
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (!inside(row)) continue;
    const key = keyOf(row);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: nameOf(groupBy, key, catalog), counters: zeroCounters() }));
    addCounters(g.counters, row);
  }
  const list = [...groups.values()];
  if (['day', 'week', 'month'].includes(groupBy)) return list.sort((a, b) => a.key.localeCompare(b.key));
  return list.sort((a, b) => b.counters.accepted - a.counters.accepted || a.key.localeCompare(b.key));
}

/** The dimensions a read must keep to apply this grouping and filter. */
export function neededDims(groupBy: GroupBy, f: KpiFilter) {
  const dims = new Set<'day' | 'unit_id' | 'region_id' | 'category_id' | 'channel' | 'appeal_type' | 'line' | 'client_id'>();
  if (groupBy === 'day' || groupBy === 'week' || groupBy === 'month') dims.add('day');
  if (groupBy === 'unit' || f.unitId) dims.add('unit_id');
  if (groupBy === 'region' || f.regionId) dims.add('region_id');
  if (groupBy === 'category' || f.categoryId) dims.add('category_id');
  if (groupBy === 'channel' || f.channel) dims.add('channel');
  if (groupBy === 'appealType' || f.appealType) dims.add('appeal_type');
  if (groupBy === 'line' || f.line) dims.add('line');
  if (groupBy === 'client') dims.add('client_id');
  return [...dims];
}
