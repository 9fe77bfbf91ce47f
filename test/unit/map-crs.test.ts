import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { tileImageSources } from '../../src/config/map-config.js';
import { distanceMetres } from '../../src/shared/coordinates.js';
import { mapProjection, ringToMap } from '../../web/src/shared/map/map-crs.js';

// The map converts on the way out only when its tiles are GCJ-02 (ADR 0187), and a placed pin comes
// back as WGS-84. Reference: coordtransform's Beijing pair, WGS-84 (116.404, 39.915) → GCJ-02
// (116.41024449916938, 39.91640428150164), as in test/unit/coordinates.test.ts.
const WGS = { lng: 116.404, lat: 39.915 };
const GCJ = { lng: 116.41024449916938, lat: 39.91640428150164 };
const tiles = (crs: 'wgs84' | 'gcj02') =>
  loadConfig({ LIANXIN_MAP_TILES: 'https://tiles.example/{z}/{x}/{y}.png', LIANXIN_MAP_TILES_CRS: crs }).map;

describe('the map projection', () => {
  it('GCJ-02 tiles: every stored point is drawn at its GCJ-02 place, and a pin comes back in WGS-84', () => {
    const p = mapProjection(tiles('gcj02'));
    const [lat, lng] = p.toMap(WGS);
    expect(distanceMetres({ lat, lng }, GCJ)).toBeLessThan(1);
    expect(distanceMetres({ lat, lng }, WGS)).toBeGreaterThan(500);
    const back = p.fromMap(GCJ.lat, GCJ.lng);
    expect(distanceMetres(back, WGS)).toBeLessThan(1);
    const [first] = ringToMap(p, [[WGS.lng, WGS.lat]]);
    expect(distanceMetres({ lat: first![0], lng: first![1] }, GCJ)).toBeLessThan(1);
  });

  it('WGS-84 tiles and no tiles at all draw the stored numbers as they are', () => {
    for (const projection of [mapProjection(tiles('wgs84')), mapProjection(null)]) {
      expect(projection.toMap(WGS)).toEqual([WGS.lat, WGS.lng]);
      expect(projection.fromMap(WGS.lat, WGS.lng)).toEqual(WGS);
    }
  });
});

describe('the tiles setting', () => {
  it('unset means none; templates, subdomains and attribution are read once; faults are listed together', () => {
    expect(loadConfig({}).map).toBeNull();
    const map = loadConfig({
      LIANXIN_MAP_TILES:
        'https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=K | https://t{s}.tianditu.gov.cn/cva_w/wmts?x={x}&y={y}&l={z}&tk=K',
      LIANXIN_MAP_TILES_SUBDOMAINS: '01234567',
      LIANXIN_MAP_ATTRIBUTION: '© 天地图',
    }).map!;
    expect(map).toMatchObject({ crs: 'wgs84', subdomains: '01234567', attribution: '© 天地图', maxZoom: 18 });
    expect(map.urls).toHaveLength(2);
    expect(tileImageSources(map)).toEqual(['https://*.tianditu.gov.cn']);
    expect(tileImageSources(tiles('gcj02'))).toEqual(['https://tiles.example']);
    expect(() => loadConfig({ LIANXIN_MAP_TILES: 'ftp://x/{z}', LIANXIN_MAP_TILES_CRS: 'bd09' })).toThrow(
      /LIANXIN_MAP_TILES_CRS[\s\S]*LIANXIN_MAP_TILES: "ftp/,
    );
    expect(() => loadConfig({ LIANXIN_MAP_TILES: 'https://x/{z}/{x}.png' })).toThrow(/must contain \{z\}, \{x\} and \{y\}/);
  });
});
