/**
 * Search facets (ADR 0046): the elements of `orders.search_facets`, written by the database
 * (function `order_search_facets`, migration 0320) and asked for here. One GIN index covers the
 * lexemes and the facets, so words, visibility and filters are intersected inside the index.
 */

const WEEK_MS = 604_800_000;

/** Last id of a materialised path `/a/b/c/` (the unit or category itself). */
export function idOfPath(path: string): string {
  const parts = path.split('/').filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  if (!last) throw new Error(`not a materialised path: ${path}`);
  return last;
}

/** Sent to this unit or below it: what a unit user with this unit path may see. */
export const visibleTo = (unitPath: string) => `v:${idOfPath(unitPath)}`;
/** Lead unit in this subtree. */
export const leadUnitUnder = (unitPath: string) => `l:${idOfPath(unitPath)}`;
/** Filed under this category or below. */
export const categoryUnder = (categoryPath: string) => `c:${idOfPath(categoryPath)}`;
/** In this region or a direct child of it. */
export const inRegion = (regionId: string) => `r:${regionId}`;
export const inState = (state: string) => `s:${state}`;
/** Held by this sub-centre desk (migration 0600, ADR 0110). */
export const heldByDesk = (deskUnitId: string) => `d:${deskUnitId}`;

/** The week an instant falls in: whole weeks since 1970-01-01 UTC (as the database computes it). */
export const weekOf = (at: Date) => Math.floor(at.getTime() / WEEK_MS);

/** The first instant of week `w`. */
export const weekStart = (w: number) => new Date(w * WEEK_MS);
export const weekFacet = (w: number) => `w:${w}`;

/** Week facets covering [from, to] (both inclusive), oldest first. */
export function weeksBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let w = weekOf(from); w <= weekOf(to); w++) out.push(weekFacet(w));
  return out;
}
