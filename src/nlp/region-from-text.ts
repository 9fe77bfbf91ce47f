/**
 * The region an appeal names in its own words, for the region rule of unit suggestions (ADR 0086)
 * when no region was chosen — a portal appeal has no region field, yet "锡林浩特市…小区暖气不热"
 * says where it is. The deepest region whose full name appears wins; two unrelated regions named
 * (neither inside the other) leave the question open rather than guess.
 */
export interface NamedRegion {
  id: string;
  parentId: string | null;
  name: string;
}

export function regionNamedInText(regions: readonly NamedRegion[], text: string): string | undefined {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const ancestors = (id: string): Set<string> => {
    const seen = new Set<string>();
    for (let r = byId.get(id); r && !seen.has(r.id); r = r.parentId ? byId.get(r.parentId) : undefined) seen.add(r.id);
    return seen;
  };
  const named = regions.filter((r) => r.name.length >= 2 && text.includes(r.name));
  if (named.length === 0) return undefined;
  // The deepest: the one whose ancestor chain includes every other named region.
  const chains = named.map((r) => ({ id: r.id, chain: ancestors(r.id) }));
  const deepest = chains.find((c) => named.every((r) => c.chain.has(r.id)));
  return deepest?.id;
}
