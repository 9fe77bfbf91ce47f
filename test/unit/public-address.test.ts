import { describe, expect, it } from 'vitest';
import { coarseAddress } from '../../src/open311/public-address.js';

// ADR 0181 amendment: a public Open311 answer shows where the problem is, not whose door it is.
describe('coarseAddress', () => {
  it('drops the door: house, building, unit and room numbers, half or full width, Chinese numerals', () => {
    expect(coarseAddress('锡林浩特市锦绣园5号楼3单元501室')).toBe('锡林浩特市锦绣园');
    expect(coarseAddress('锡林浩特市团结大街128号')).toBe('锡林浩特市团结大街');
    expect(coarseAddress('二连浩特市友谊路２３号院')).toBe('二连浩特市友谊路');
    expect(coarseAddress('锡林浩特市额尔敦路五号楼三单元')).toBe('锡林浩特市额尔敦路');
    expect(coarseAddress('阿巴嘎旗别力古台镇宝格都嘎查十二组')).toBe('阿巴嘎旗别力古台镇宝格都嘎查');
    expect(coarseAddress('锡林浩特市希望小区 3-2-501')).toBe('锡林浩特市希望小区');
    expect(coarseAddress('锡林浩特市某大厦A座1201')).toBe('锡林浩特市某大厦');
    expect(coarseAddress('锡林浩特市锦绣园第3栋')).toBe('锡林浩特市锦绣园');
    expect(coarseAddress('锡林浩特市锦绣园（东门）#5楼')).toBe('锡林浩特市锦绣园（东门）');
  });

  it('keeps an address that names no door, and place names with numerals in them', () => {
    expect(coarseAddress('二连浩特市某工地')).toBe('二连浩特市某工地');
    expect(coarseAddress('锡林浩特市二环路与团结大街交叉口')).toBe('锡林浩特市二环路与团结大街交叉口');
    expect(coarseAddress('  东乌珠穆沁旗乌里雅斯太镇  ')).toBe('东乌珠穆沁旗乌里雅斯太镇');
  });

  it('withholds an address that is nothing but the door, or nothing at all', () => {
    expect(coarseAddress('5号楼3单元')).toBeNull();
    expect(coarseAddress('3-2-501')).toBeNull();
    expect(coarseAddress('某5号')).toBeNull();
    expect(coarseAddress('')).toBeNull();
    expect(coarseAddress(null)).toBeNull();
  });
});
