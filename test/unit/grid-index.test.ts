import { describe, expect, it } from 'vitest';
import type { GridGeometry } from '../../src/contract/geo.js';
import { parseGridGeoJson } from '../../src/geo/grid-geojson.js';
import { GridIndex } from '../../src/geo/grid-index.js';
import { DomainError } from '../../src/shared/errors.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';

const square = (x0: number, y0: number, x1: number, y1: number, hole?: [number, number, number, number]): GridGeometry => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
      ...(hole
        ? [
            [
              [hole[0], hole[1]],
              [hole[2], hole[1]],
              [hole[2], hole[3]],
              [hole[0], hole[3]],
              [hole[0], hole[1]],
            ],
          ]
        : []),
    ],
  ],
});

// Two grids sharing the border lng = 116.1; B has a hole (a lake) that belongs to nobody.
const grids = [
  { id: 'b', code: 'G002', name: 'B', regionId: 'r', geometry: square(116.1, 43.9, 116.2, 44.0, [116.14, 43.94, 116.16, 43.96]) },
  { id: 'a', code: 'G001', name: 'A', regionId: 'r', geometry: square(116.0, 43.9, 116.1, 44.0) },
];
const index = new GridIndex(grids);
const at = (lng: number, lat: number) => index.locate({ lng, lat })?.code ?? null;

describe('point → grid (ADR 0185)', () => {
  it('assigns points inside, just either side of a shared border, and outside', () => {
    expect(at(116.05, 43.95)).toBe('G001');
    expect(at(116.0999999, 43.95)).toBe('G001');
    expect(at(116.1000001, 43.95)).toBe('G002');
    expect(at(116.25, 43.95)).toBeNull();
    expect(at(116.05, 44.0000001)).toBeNull();
  });

  it('a point on the shared border goes to the smaller code, whatever the load order', () => {
    expect(at(116.1, 43.95)).toBe('G001');
    expect(new GridIndex([...grids].reverse()).locate({ lng: 116.1, lat: 43.95 })?.code).toBe('G001');
    // On an outer edge the boundary counts as inside.
    expect(at(116.2, 43.95)).toBe('G002');
    expect(at(116.0, 43.9)).toBe('G001');
  });

  it('a hole belongs to no grid', () => {
    expect(at(116.15, 43.95)).toBeNull();
    expect(at(116.139, 43.95)).toBe('G002');
  });

  it('an empty index and a non-finite point answer null', () => {
    expect(new GridIndex([]).locate({ lng: 116, lat: 43 })).toBeNull();
    expect(index.locate({ lng: Number.NaN, lat: 43.95 })).toBeNull();
  });
});

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.details.field;
    throw e;
  }
  return 'no error';
};

describe('GeoJSON grid import', () => {
  it('reads Polygon and MultiPolygon features, closes open rings, takes 网格编码/网格名称/所属街道', () => {
    const { grids: parsed } = parseGridGeoJson(
      fc([
        feature(
          { code: 'G1', name: '一网格', region: '希日塔拉街道' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [116, 43],
                [116.1, 43],
                [116.1, 43.1],
              ],
            ],
          },
        ),
        feature({ 网格编码: 7, 网格名称: '二网格', 所属街道: 'R001' }, square(116.2, 43, 116.3, 43.1)),
      ]),
      'wgs84',
    );
    expect(parsed.map((g) => [g.code, g.name, g.region])).toEqual([
      ['G1', '一网格', '希日塔拉街道'],
      ['7', '二网格', 'R001'],
    ]);
    expect(parsed[0]!.geometry.coordinates[0]![0]).toEqual([
      [116, 43],
      [116.1, 43],
      [116.1, 43.1],
      [116, 43],
    ]);
  });

  it('converts a GCJ-02 file to WGS-84', () => {
    const wgs = { lng: 116.05, lat: 43.95 };
    const gcj = fromWgs84(wgs, 'gcj02');
    const ring = [
      [gcj.lng, gcj.lat],
      [gcj.lng + 0.01, gcj.lat],
      [gcj.lng, gcj.lat + 0.01],
      [gcj.lng, gcj.lat],
    ];
    const { grids: parsed } = parseGridGeoJson(
      fc([feature({ code: 'G', name: 'n', region: 'r' }, { type: 'Polygon', coordinates: [ring] })]),
      'gcj02',
    );
    const [lng, lat] = parsed[0]!.geometry.coordinates[0]![0]![0]!;
    expect(Math.abs(lng! - wgs.lng)).toBeLessThan(1e-6);
    expect(Math.abs(lat! - wgs.lat)).toBeLessThan(1e-6);
  });

  it('refuses faults naming the feature and the part', () => {
    expect(fieldOf(() => parseGridGeoJson({ type: 'Feature' }, 'wgs84'))).toBe('geojson');
    expect(fieldOf(() => parseGridGeoJson(fc([]), 'wgs84'))).toBe('geojson.features');
    expect(fieldOf(() => parseGridGeoJson(fc([feature({ name: 'n', region: 'r' }, square(0, 0, 1, 1))]), 'wgs84'))).toBe(
      'geojson.features[0].properties.code',
    );
    expect(
      fieldOf(() =>
        parseGridGeoJson(fc([feature({ code: 'a', name: 'n', region: 'r' }, { type: 'Point', coordinates: [1, 2] })]), 'wgs84'),
      ),
    ).toBe('geojson.features[0].geometry.type');
    expect(
      fieldOf(() =>
        parseGridGeoJson(
          fc([
            feature(
              { code: 'a', name: 'n', region: 'r' },
              {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [1, 0],
                    [0, 0],
                  ],
                ],
              },
            ),
          ]),
          'wgs84',
        ),
      ),
    ).toBe('geojson.features[0].geometry.coordinates[0][0]');
    expect(
      fieldOf(() =>
        parseGridGeoJson(
          fc([
            feature(
              { code: 'a', name: 'n', region: 'r' },
              {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [200, 0],
                    [1, 1],
                    [0, 0],
                  ],
                ],
              },
            ),
          ]),
          'wgs84',
        ),
      ),
    ).toBe('geojson.features[0].geometry.coordinates[0][0]');
    const twice = feature({ code: 'a', name: 'n', region: 'r' }, square(0, 0, 1, 1));
    expect(fieldOf(() => parseGridGeoJson(fc([twice, twice]), 'wgs84'))).toBe('geojson.features[1].properties.code');
  });
});

describe('demo geography', () => {
  it('every demo grid holds its own centre: none overlaps another', async () => {
    const { demoGrids } = await import('../../src/demo/demo-grids.service.js');
    const parsed = demoGrids((county, town) => `${county}/${town}`);
    expect(parsed.length).toBeGreaterThan(100);
    const demoIndex = new GridIndex(
      parsed.map((g) => ({ id: g.code, code: g.code, name: g.name, regionId: g.region, geometry: g.geometry })),
    );
    for (const g of parsed) {
      const [[x0, y0], , [x1, y1]] = g.geometry.coordinates[0]![0]!;
      const hits = parsed.filter((o) => {
        const [[a0, b0], , [a1, b1]] = o.geometry.coordinates[0]![0]!;
        return a0! < x1! && x0! < a1! && b0! < y1! && y0! < b1!;
      });
      expect(hits.map((h) => h.code)).toEqual([g.code]);
      expect(demoIndex.locate({ lng: (x0! + x1!) / 2, lat: (y0! + y1!) / 2 })?.code).toBe(g.code);
      expect(g.name).toContain('演示网格');
    }
  });
});
