import { describe, expect, it } from 'vitest';
import { applyRegionScope, regionScope, unitRegions } from '../../src/nlp/region-scope.js';

const regions = [
  { id: 'xl', parentId: null, name: '锡林浩特市' },
  { id: 'xl-town', parentId: 'xl', name: '希日塔拉街道' },
  { id: 'xl-town2', parentId: 'xl', name: '宝力根街道' },
  { id: 'el', parentId: null, name: '二连浩特市' },
];
const units = [
  { id: 'centre', parentId: null, name: '锡林郭勒盟12345热线中心' },
  { id: 'xl', parentId: 'centre', name: '锡林浩特市' },
  { id: 'xl-heat', parentId: 'xl', name: '锡林浩特市热力公司' },
  { id: 'xl-town', parentId: 'xl', name: '锡林浩特市希日塔拉街道' },
  { id: 'xl-town2', parentId: 'xl', name: '锡林浩特市宝力根街道' },
  { id: 'el', parentId: 'centre', name: '二连浩特市' },
  { id: 'el-dept', parentId: 'el', name: '二连浩特市住房和城乡建设局' },
  { id: 'league', parentId: 'centre', name: '盟住房和城乡建设局' },
];

describe('unitRegions', () => {
  it('reads the region a unit serves from its own or its ancestors’ names; league units serve all', () => {
    const served = unitRegions(units, regions);
    expect(served.get('xl-heat')).toBe('xl');
    expect(served.get('xl-town')).toBe('xl-town');
    expect(served.get('el-dept')).toBe('el');
    expect(served.get('league')).toBeNull();
    expect(served.get('centre')).toBeNull();
  });
});

describe('regionScope', () => {
  const inScope = regionScope(units, regions);

  it('keeps units of the appeal’s region, above it and below it, and league-wide units', () => {
    expect(inScope('xl-heat', 'xl')).toBe(true);
    expect(inScope('xl-heat', 'xl-town')).toBe(true);
    expect(inScope('xl-town', 'xl')).toBe(true);
    expect(inScope('league', 'xl-town')).toBe(true);
  });

  it('puts another county’s units and a neighbouring town outside; no region means no rule', () => {
    expect(inScope('el', 'xl')).toBe(false);
    expect(inScope('el-dept', 'xl-town')).toBe(false);
    expect(inScope('xl-town2', 'xl-town')).toBe(false);
    expect(inScope('el', null)).toBe(true);
    expect(inScope('el', 'unknown-region')).toBe(true);
  });
});

describe('applyRegionScope', () => {
  it('down-weights out-of-region labels, renormalises and re-sorts', () => {
    const ranked = [
      { label: 'el', probability: 0.36 },
      { label: 'xl-heat', probability: 0.3 },
      { label: 'league', probability: 0.04 },
    ];
    const out = applyRegionScope(ranked, (l) => l !== 'el');
    expect(out.map((r) => r.label)).toEqual(['xl-heat', 'league', 'el']);
    expect(out.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(0.7, 10);
    expect(out[2]!.probability / out[0]!.probability).toBeCloseTo((0.36 * 0.02) / 0.3, 10);
  });

  it('leaves the ranking alone when every label is in scope, or none is', () => {
    const ranked = [
      { label: 'a', probability: 0.6 },
      { label: 'b', probability: 0.4 },
    ];
    expect(applyRegionScope(ranked, () => true)).toEqual(ranked);
    expect(applyRegionScope(ranked, () => false).map((r) => r.probability)).toEqual([0.6, 0.4].map((p) => expect.closeTo(p, 10)));
  });
});
