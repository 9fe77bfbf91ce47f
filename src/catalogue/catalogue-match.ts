/**
 * The catalogue's matching rule (ADR 0125) — pure, so intake can ask it in microseconds from a cached
 * index. A rule applies to an appeal when its category and region are the appeal's or an ancestor's
 * (null = any), its appeal type is the appeal's (null = any), the appeal's words contain one of its
 * keywords (none = any), and the moment lies in [validFrom, validTo). The most specific rule wins:
 * deeper region first, then deeper category, then a named appeal type, then keywords; among equals,
 * more keywords found, then the older rule (lower number) — overlapping equals are refused on save.
 */

export interface MatchRule {
  readonly id: string;
  readonly no: number;
  readonly categoryId: string | null;
  readonly regionId: string | null;
  readonly appealType: string | null;
  readonly keywords: readonly string[];
  readonly validFrom: number;
  readonly validTo: number | null;
}

export interface CatalogueIndex<R extends MatchRule = MatchRule> {
  /** Rules by `${categoryId ?? '*'}|${regionId ?? '*'}`. */
  readonly byScope: ReadonlyMap<string, readonly R[]>;
  /** region id → parent id (regions carry no path). */
  readonly regionParent: ReadonlyMap<string, string | null>;
}

export interface MatchFacts {
  /** The appeal's category and its ancestors, the category itself first (empty: none). */
  readonly categoryChain: readonly string[];
  readonly regionId: string | null;
  readonly appealType: string | null;
  readonly text: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface Match<R extends MatchRule> {
  readonly rule: R;
  /** The rule names the appeal's own category and region, not an ancestor's. */
  readonly exact: boolean;
}

const scopeKey = (categoryId: string | null, regionId: string | null) => `${categoryId ?? '*'}|${regionId ?? '*'}`;

export function buildIndex<R extends MatchRule>(
  rules: readonly R[],
  regionParent: ReadonlyMap<string, string | null>,
): CatalogueIndex<R> {
  const byScope = new Map<string, R[]>();
  for (const r of rules) {
    const key = scopeKey(r.categoryId, r.regionId);
    const list = byScope.get(key);
    if (list) list.push(r);
    else byScope.set(key, [r]);
  }
  return { byScope, regionParent };
}

/** The region and its ancestors, the region itself first (bounded: a bad parent loop cannot hang intake). */
export function regionChain(regionParent: ReadonlyMap<string, string | null>, regionId: string | null): string[] {
  const chain: string[] = [];
  for (let r = regionId; r && chain.length < 16; r = regionParent.get(r) ?? null) chain.push(r);
  return chain;
}

const isValidAt = (r: MatchRule, at: number) => r.validFrom <= at && (r.validTo === null || at < r.validTo);

/** How many of the rule's keywords the text names; -1 when the rule has keywords and none is named. */
function keywordHits(r: MatchRule, text: string): number {
  if (r.keywords.length === 0) return 0;
  let hits = 0;
  for (const k of r.keywords) if (text.includes(k)) hits++;
  return hits === 0 ? -1 : hits;
}

export function matchCatalogue<R extends MatchRule>(index: CatalogueIndex<R>, facts: MatchFacts): Match<R> | null {
  const categories: (string | null)[] = [...facts.categoryChain, null];
  const regions: (string | null)[] = [...regionChain(index.regionParent, facts.regionId), null];
  let best: R | null = null;
  let bestRank = -1;
  let bestHits = -1;
  for (let ri = 0; ri < regions.length; ri++) {
    const regionDepth = regions.length - 1 - ri;
    for (let ci = 0; ci < categories.length; ci++) {
      const list = index.byScope.get(scopeKey(categories[ci]!, regions[ri]!));
      if (!list) continue;
      const categoryDepth = categories.length - 1 - ci;
      for (const r of list) {
        if (!isValidAt(r, facts.at)) continue;
        if (r.appealType !== null && r.appealType !== facts.appealType) continue;
        const hits = keywordHits(r, facts.text);
        if (hits < 0) continue;
        const rank = ((regionDepth * 64 + categoryDepth) * 2 + (r.appealType ? 1 : 0)) * 2 + (r.keywords.length > 0 ? 1 : 0);
        if (rank > bestRank || (rank === bestRank && (hits > bestHits || (hits === bestHits && r.no < best!.no)))) {
          best = r;
          bestRank = rank;
          bestHits = hits;
        }
      }
    }
  }
  if (!best) return null;
  const exact =
    facts.categoryChain.length > 0 && best.categoryId === facts.categoryChain[0] && best.regionId === (facts.regionId ?? null);
  return { rule: best, exact };
}

/**
 * Two rules overlap — and the second is refused — when they have the same scope (category, region,
 * appeal type), validity periods that meet, and keywords that could both apply (both without, or a
 * keyword in common). Such rules are equally specific, so neither could win on its merits.
 */
export function overlaps(a: MatchRule, b: MatchRule): boolean {
  if (a.categoryId !== b.categoryId || a.regionId !== b.regionId || a.appealType !== b.appealType) return false;
  const aEnd = a.validTo ?? Infinity;
  const bEnd = b.validTo ?? Infinity;
  if (!(a.validFrom < bEnd && b.validFrom < aEnd)) return false;
  if (a.keywords.length === 0 || b.keywords.length === 0) return a.keywords.length === b.keywords.length;
  return a.keywords.some((k) => b.keywords.includes(k));
}
