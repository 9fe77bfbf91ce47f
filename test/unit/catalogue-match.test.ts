import { describe, expect, it } from 'vitest';
import { buildIndex, matchCatalogue, overlaps, type MatchRule } from '../../src/catalogue/catalogue-match.js';

// 派单目录 matching (ADR 0125): region depth before category depth, then appeal type, then keywords.
const rule = (no: number, over: Partial<MatchRule> = {}): MatchRule => ({
  id: `r${no}`,
  no,
  categoryId: null,
  regionId: null,
  appealType: null,
  keywords: [],
  validFrom: 0,
  validTo: null,
  ...over,
});
const regions = new Map<string, string | null>([
  ['county', null],
  ['town', 'county'],
]);
const facts = (over: Partial<Parameters<typeof matchCatalogue>[1]> = {}) => ({
  categoryChain: ['leaf', 'top'],
  regionId: 'town',
  appealType: 'complaint',
  text: '小区停暖三天',
  at: 100,
  ...over,
});

describe('matchCatalogue', () => {
  const rules = [
    rule(1, { categoryId: 'top', regionId: 'county' }),
    rule(2, { categoryId: 'leaf', regionId: 'county' }),
    rule(3, { categoryId: 'top', regionId: 'town' }),
    rule(4, { categoryId: 'leaf', regionId: 'town', appealType: 'consult' }),
    rule(5, { categoryId: 'leaf', regionId: 'county', keywords: ['停暖'] }),
  ];
  const index = buildIndex(rules, regions);

  it('a deeper region wins over a deeper category', () => {
    expect(matchCatalogue(index, facts())!.rule.no).toBe(3);
  });
  it('an appeal type that fits makes a rule more specific; one that does not, excludes it', () => {
    expect(matchCatalogue(index, facts({ appealType: 'consult' }))).toMatchObject({ rule: { no: 4 }, exact: true });
  });
  it('keywords apply only when the text names one', () => {
    expect(matchCatalogue(index, facts({ regionId: 'county' }))!.rule.no).toBe(5);
    expect(matchCatalogue(index, facts({ regionId: 'county', text: '暖气不热' }))).toMatchObject({
      rule: { no: 2 },
      exact: true,
    });
  });
  it('exact only for the appeal’s own category and region', () => {
    expect(matchCatalogue(index, facts())!.exact).toBe(false);
  });
  it('validity is [from, to)', () => {
    const timed = buildIndex([rule(9, { categoryId: 'leaf', regionId: 'town', validFrom: 50, validTo: 100 })], regions);
    expect(matchCatalogue(timed, facts({ at: 99 }))!.rule.no).toBe(9);
    expect(matchCatalogue(timed, facts({ at: 100 }))).toBeNull();
    expect(matchCatalogue(timed, facts({ at: 49 }))).toBeNull();
  });
  it('no category, no region: only rules for any', () => {
    expect(matchCatalogue(index, facts({ categoryChain: [], regionId: null }))).toBeNull();
  });
});

describe('overlaps', () => {
  const a = rule(1, { categoryId: 'leaf', regionId: 'county', validFrom: 0, validTo: 100 });
  it('same scope and meeting periods overlap; adjacent periods do not', () => {
    expect(overlaps(a, rule(2, { categoryId: 'leaf', regionId: 'county', validFrom: 50 }))).toBe(true);
    expect(overlaps(a, rule(2, { categoryId: 'leaf', regionId: 'county', validFrom: 100 }))).toBe(false);
  });
  it('keywords: in common overlap, apart or only on one side do not', () => {
    const k = (keywords: string[]) => rule(2, { categoryId: 'leaf', regionId: 'county', keywords });
    expect(overlaps(k(['停暖', '漏水']), k(['漏水']))).toBe(true);
    expect(overlaps(k(['停暖']), k(['漏水']))).toBe(false);
    expect(overlaps(a, k(['停暖']))).toBe(false);
  });
  it('another appeal type or region is another scope', () => {
    expect(overlaps(a, rule(2, { categoryId: 'leaf', regionId: 'county', appealType: 'complaint' }))).toBe(false);
    expect(overlaps(a, rule(2, { categoryId: 'leaf', regionId: 'town' }))).toBe(false);
  });
});
