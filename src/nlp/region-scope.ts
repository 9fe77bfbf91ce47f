/**
 * The region rule of unit suggestions (ADR 0086): a unit that serves another part of the centre's
 * area (another county's government, its departments and utilities) is a poor suggestion for an
 * appeal located elsewhere, however well its words match. Pure: the caller passes the unit tree,
 * the region tree and the ranked labels.
 */

export interface ScopeNode {
  id: string;
  parentId: string | null;
  name: string;
}

/** How much an out-of-region unit's probability is kept before renormalising. */
export const OUT_OF_REGION_WEIGHT = 0.02;

/**
 * The region each unit serves, read from names: the unit's own name or its nearest ancestor's is a
 * region's name (锡林浩特市) or a county's name followed by a town's (锡林浩特市希日塔拉街道). Units
 * with no such name up their tree (the centre, league departments, league-wide companies) serve the
 * whole area: null.
 */
export function unitRegions(units: readonly ScopeNode[], regions: readonly ScopeNode[]): Map<string, string | null> {
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const regionByName = new Map<string, string>();
  for (const r of regions) {
    regionByName.set(r.name, r.id);
    const parent = r.parentId ? regionById.get(r.parentId) : undefined;
    if (parent) regionByName.set(parent.name + r.name, r.id);
  }
  const unitById = new Map(units.map((u) => [u.id, u]));
  const served = new Map<string, string | null>();
  for (const unit of units) {
    let region: string | null = null;
    for (let u: ScopeNode | undefined = unit; u && region === null; u = u.parentId ? unitById.get(u.parentId) : undefined) {
      region = regionByName.get(u.name) ?? null;
    }
    served.set(unit.id, region);
  }
  return served;
}

/** Builds the question "does this unit serve this appeal's region?" over one unit and region tree. */
export function regionScope(units: readonly ScopeNode[], regions: readonly ScopeNode[]) {
  const served = unitRegions(units, regions);
  const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));
  const ancestorsOf = (id: string) => {
    const line = new Set<string>();
    for (let r: string | null | undefined = id; r && !line.has(r); r = parentOf.get(r)) line.add(r);
    return line;
  };
  /** True when the unit serves the whole area, or a region on the appeal region's line (above or below it). */
  return (unitId: string, appealRegionId: string | null): boolean => {
    const unitRegion = served.get(unitId) ?? null;
    if (unitRegion === null || appealRegionId === null || !parentOf.has(appealRegionId)) return true;
    return ancestorsOf(appealRegionId).has(unitRegion) || ancestorsOf(unitRegion).has(appealRegionId);
  };
}

/**
 * Down-weights out-of-region labels (× `weight`), renormalises the probabilities to sum as before
 * and re-sorts: a strong in-region match now comes first, and an out-of-region unit still shows
 * when nothing in the region fits at all.
 */
export function applyRegionScope<T extends { label: string; probability: number }>(
  ranked: readonly T[],
  inScope: (label: string) => boolean,
  weight = OUT_OF_REGION_WEIGHT,
): T[] {
  const total = ranked.reduce((s, r) => s + r.probability, 0);
  const weighted = ranked.map((r) => ({ ...r, probability: inScope(r.label) ? r.probability : r.probability * weight }));
  const after = weighted.reduce((s, r) => s + r.probability, 0);
  const scale = after > 0 ? total / after : 1;
  return weighted.map((r) => ({ ...r, probability: r.probability * scale })).sort((a, b) => b.probability - a.probability);
}
