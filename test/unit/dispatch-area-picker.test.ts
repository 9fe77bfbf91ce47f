import { describe, expect, it } from 'vitest';
import { dispatchAreaUnitIds } from '../../web/src/console/common/dispatch-area.js';
import type { DispatchAreaView } from '../../src/contract/org.js';

// league centre → 锡林浩特市 (county: 住建局, 宝力根街道 → 社区), 阿巴嘎旗 (county: 住建局), 供电公司 (league-wide: 分公司)
const units = [
  { id: 'league', parentId: null },
  { id: 'xl', parentId: 'league' },
  { id: 'xl-desk', parentId: 'xl' },
  { id: 'xl-housing', parentId: 'xl' },
  { id: 'xl-street', parentId: 'xl' },
  { id: 'xl-village', parentId: 'xl-street' },
  { id: 'abg', parentId: 'league' },
  { id: 'abg-housing', parentId: 'abg' },
  { id: 'power', parentId: 'league' },
  { id: 'power-branch', parentId: 'power' },
];
const area = (over: Partial<DispatchAreaView>): DispatchAreaView => ({
  anywhere: false,
  deskUnitId: 'xl-desk',
  deskName: '锡林浩特市12345分中心',
  areaUnitId: 'xl',
  areaUnitName: '锡林浩特市',
  leagueWideUnits: [{ id: 'power', name: '供电公司', kind: 'company' }],
  ...over,
});

describe('the dispatch pickers narrowed to the dispatcher’s area (ADR 0153)', () => {
  it('offers a sub-centre its banner’s subtree and the league-wide units with theirs, nothing of another banner', () => {
    const ids = dispatchAreaUnitIds(units, area({}))!;
    expect([...ids].sort()).toEqual(['power', 'power-branch', 'xl', 'xl-desk', 'xl-housing', 'xl-street', 'xl-village']);
    expect(ids.has('abg-housing')).toBe(false);
    expect(ids.has('league')).toBe(false);
  });

  it('offers a sub-centre seated under the league centre only the league-wide units', () => {
    expect([...dispatchAreaUnitIds(units, area({ areaUnitId: null, areaUnitName: null }))!].sort()).toEqual([
      'power',
      'power-branch',
    ]);
  });

  it('does not narrow the league’s staff, nor before the area is known', () => {
    expect(dispatchAreaUnitIds(units, area({ anywhere: true, deskUnitId: null, areaUnitId: null }))).toBeNull();
    expect(dispatchAreaUnitIds(units, undefined)).toBeNull();
  });
});
