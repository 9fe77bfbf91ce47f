import { describe, expect, it } from 'vitest';
import { distanceMetres, fromWgs84, toWgs84 } from '../../src/shared/coordinates.js';

// Reference points published with eviltransform (github.com/googollee/eviltransform, its test table
// WGS-84 → GCJ-02 for Shanghai, Shenzhen and Beijing) and with coordtransform (github.com/wandergis/
// coordtransform and its ports' tests: WGS-84 → GCJ-02, BD-09 ↔ GCJ-02 at 116.404, 39.915).
const WGS_GCJ = [
  { name: 'shanghai', wgs: { lat: 31.1774276, lng: 121.5272106 }, gcj: { lat: 31.17530398364597, lng: 121.531541859215 } },
  { name: 'shenzhen', wgs: { lat: 22.543847, lng: 113.912316 }, gcj: { lat: 22.540796131694766, lng: 113.9171764808363 } },
  { name: 'beijing', wgs: { lat: 39.911954, lng: 116.377817 }, gcj: { lat: 39.91334545536069, lng: 116.38404722455657 } },
];

describe('coordinate systems (ADR 0185: stored in WGS-84)', () => {
  it.each(WGS_GCJ)('WGS-84 → GCJ-02 matches the published point ($name) within 0.1 m', ({ wgs, gcj }) => {
    expect(distanceMetres(fromWgs84(wgs, 'gcj02'), gcj)).toBeLessThan(0.1);
  });

  it.each(WGS_GCJ)('GCJ-02 → WGS-84 returns the published WGS-84 point ($name) within 0.5 m', ({ wgs, gcj }) => {
    expect(distanceMetres(toWgs84(gcj, 'gcj02'), wgs)).toBeLessThan(0.5);
  });

  it('WGS-84 → GCJ-02 matches coordtransform at Beijing (116.404, 39.915) to the digit', () => {
    const gcj = fromWgs84({ lng: 116.404, lat: 39.915 }, 'gcj02');
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 9);
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 9);
  });

  it('BD-09 → GCJ-02 matches coordtransform at Beijing (116.404, 39.915) within 0.01 m', () => {
    const gcj = fromWgs84(toWgs84({ lng: 116.404, lat: 39.915 }, 'bd09'), 'gcj02');
    expect(distanceMetres(gcj, { lng: 116.39762729119315, lat: 39.90865673957631 })).toBeLessThan(0.01);
  });

  it('BD-09 ↔ GCJ-02 matches coordtransform at Beijing (116.404, 39.915)', () => {
    // GCJ-02 (116.404, 39.915) → BD-09 (116.41036949371029, 39.92133699351021)
    const bd = fromWgs84(toWgs84({ lng: 116.404, lat: 39.915 }, 'gcj02'), 'bd09');
    expect(distanceMetres(bd, { lng: 116.41036949371029, lat: 39.92133699351021 })).toBeLessThan(0.5);
  });

  it('the GCJ-02 offset in Xilinhot is hundreds of metres, and a round trip comes back within 0.2 m', () => {
    const xilinhot = { lat: 43.9333, lng: 116.0861 };
    const gcj = fromWgs84(xilinhot, 'gcj02');
    expect(distanceMetres(gcj, xilinhot)).toBeGreaterThan(100);
    expect(distanceMetres(toWgs84(gcj, 'gcj02'), xilinhot)).toBeLessThan(0.2);
    expect(distanceMetres(toWgs84(fromWgs84(xilinhot, 'bd09'), 'bd09'), xilinhot)).toBeLessThan(0.2);
  });

  it('outside China no offset applies; WGS-84 passes unchanged', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(fromWgs84(paris, 'gcj02')).toEqual(paris);
    expect(toWgs84(paris, 'wgs84')).toEqual(paris);
  });

  it('distance: one degree of latitude is about 111.2 km', () => {
    expect(distanceMetres({ lat: 43, lng: 116 }, { lat: 44, lng: 116 })).toBeCloseTo(111195, -2);
  });
});
