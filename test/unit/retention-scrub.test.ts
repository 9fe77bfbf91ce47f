import { describe, expect, it } from 'vitest';
import { coarsen, ERASED, scrubText } from '../../src/retention/scrub.js';

const caller = { name: '张丽华', phone: '13987654321', address: '锡林浩特市额尔敦街道幸福小区3号楼2单元' };

describe('scrubText: free text after the caller’s data is erased (ADR 0174)', () => {
  it('erases the caller’s name, the surname with a form of address, the number however written, and the address', () => {
    const { text, replaced } = scrubText(
      '来电人张丽华反映：锡林浩特市额尔敦街道幸福小区3号楼2单元暖气不热，张女士请回电 139-8765-4321 或 139 8765 4321。',
      caller,
    );
    expect(text).toBe(`来电人${ERASED}反映：${ERASED}暖气不热，${ERASED}请回电 ${ERASED} 或 ${ERASED}。`);
    expect(replaced).toBe(5);
  });

  it('erases other phone and identity-card shaped numbers, and leaves ordinary figures alone', () => {
    const { text, replaced } = scrubText(
      '邻居电话15012345678，座机0479-8223456，身份证号152501198807150021；室温14度，共3栋楼120户，工单2501010001。',
      { name: null, phone: null, address: null },
    );
    expect(text).toBe(`邻居电话${ERASED}，座机${ERASED}，身份证号${ERASED}；室温14度，共3栋楼120户，工单2501010001。`);
    expect(replaced).toBe(3);
  });

  it('leaves a one-character name and short addresses alone (they would erase ordinary words)', () => {
    expect(scrubText('王府井大街路灯不亮', { name: '王', phone: null, address: '大街' }).replaced).toBe(0);
  });

  it('coarsens coordinates to two decimals', () => {
    expect(coarsen(43.933456)).toBe(43.93);
    expect(coarsen(116.086789)).toBe(116.09);
    expect(coarsen(null)).toBeNull();
  });
});
