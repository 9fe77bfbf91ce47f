import { beforeAll, describe, expect, it } from 'vitest';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import { asUser, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// 网格 (issue 18, ADR 0185): GeoJSON import with versions, point → grid on and near borders (the same
// answers on PGlite and PostgreSQL: this file runs on both), orders with a point get their grid at
// intake (GCJ-02 converted), an import re-assigns open orders, permissions and bad input.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let admin: Client;
let operator: Client;
let handler: Client;
let townRegionId = '';

const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
const feature = (code: string, name: string, coords: number[][][]) => ({
  type: 'Feature',
  properties: { code, name, region: 'R900' },
  geometry: { type: 'Polygon', coordinates: coords },
});
const file = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
// Two grids sharing lng = 116.1 in a town of Xilinhot.
const G1 = feature('XL-001', '宝力根第一网格', ring(116.0, 43.9, 116.1, 44.0));
const G2 = feature('XL-002', '宝力根第二网格', ring(116.1, 43.9, 116.2, 44.0));

const locate = async (lng: number, lat: number, coordSystem = 'wgs84') => {
  const r = await operator.get(`/api/grids/locate?lat=${lat}&lng=${lng}&coordSystem=${coordSystem}`);
  expect(r.statusCode).toBe(200);
  return (r.json() as { grid: { code: string } | null }).grid?.code ?? null;
};

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  operator = await asUser(app, w, 'operator');
  handler = await asUser(app, w, 'unit_handler');
  const town = await insertRegion(database.db, {
    centreId: w.centreId,
    parentId: w.regionId,
    code: 'R900',
    name: '宝力根街道',
    level: 2,
  });
  townRegionId = town.id;
});

describe('grid import', () => {
  it('only the administrator imports; bad files are 400 naming the field', async () => {
    expect((await operator.post('/api/grids/import', { geojson: file(G1) })).statusCode).toBe(403);
    const noRegion = { ...G1, properties: { code: 'X', name: 'x', region: '不存在的街道' } };
    const r = await admin.post('/api/grids/import', { geojson: file(noRegion) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('geojson.features[0].properties.region');
    const bad = await admin.post('/api/grids/import', { geojson: file(G1), coordSystem: 'mercator' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('coordSystem');
    const notGeo = await admin.post('/api/grids/import', { geojson: 'hello' });
    expect(notGeo.statusCode).toBe(400);
    expect(notGeo.json().error.field).toBe('geojson');
  });

  it('creates grids, leaves unchanged ones and versions changed ones', async () => {
    const first = await admin.post('/api/grids/import', { geojson: file(G1, G2) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0, deactivated: 0 });
    const again = await admin.post('/api/grids/import', {
      geojson: file(G1, { ...G2, properties: { ...G2.properties, name: '宝力根二网格' } }),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const list = (await handler.get('/api/grids')).json() as {
      items: { id: string; code: string; version: number; regionName: string }[];
    };
    expect(list.items.map((g) => [g.code, g.version, g.regionName])).toEqual([
      ['XL-001', 1, '宝力根街道'],
      ['XL-002', 2, '宝力根街道'],
    ]);
    const versions = (await admin.get(`/api/grids/${list.items[1]!.id}/versions`)).json() as {
      items: { version: number; name: string }[];
    };
    expect(versions.items.map((v) => [v.version, v.name])).toEqual([
      [2, '宝力根二网格'],
      [1, '宝力根第二网格'],
    ]);
    const shapes = (await operator.get(`/api/grids/shapes?regionId=${townRegionId}`)).json() as {
      items: { code: string; geometry: { type: string; coordinates: number[][][][] } }[];
    };
    expect(shapes.items.map((s) => [s.code, s.geometry.type, s.geometry.coordinates[0]![0]!.length])).toEqual([
      ['XL-001', 'MultiPolygon', 5],
      ['XL-002', 'MultiPolygon', 5],
    ]);
  });
});

describe('point → grid', () => {
  it('on and near the shared border, identical on both databases', async () => {
    expect(await locate(116.05, 43.95)).toBe('XL-001');
    expect(await locate(116.0999999, 43.95)).toBe('XL-001');
    expect(await locate(116.1000001, 43.95)).toBe('XL-002');
    expect(await locate(116.1, 43.95)).toBe('XL-001'); // on the border: the smaller code
    expect(await locate(116.2000001, 43.95)).toBeNull();
  });

  it('a GCJ-02 point is converted before the look-up', async () => {
    // Just east of the border in WGS-84; the same numbers read as GCJ-02 would land ~500 m west.
    const wgs = { lng: 116.1005, lat: 43.95 };
    const gcj = fromWgs84(wgs, 'gcj02');
    expect(await locate(gcj.lng, gcj.lat, 'gcj02')).toBe('XL-002');
    expect(await locate(116.1005 - (gcj.lng - wgs.lng), 43.95)).toBe('XL-001');
  });

  it('an order with a point gets its grid at intake, stored in WGS-84', async () => {
    const wgs = { lng: 116.15, lat: 43.95 };
    const gcj = fromWgs84(wgs, 'gcj02');
    const inGrid2 = await newOrder(w, { lat: gcj.lat, lng: gcj.lng, coordSystem: 'gcj02' });
    expect(Math.abs(inGrid2.lng! - wgs.lng)).toBeLessThan(1e-6);
    expect(Math.abs(inGrid2.lat! - wgs.lat)).toBeLessThan(1e-6);
    const grid2 = await database.db.selectFrom('grids').select('id').where('code', '=', 'XL-002').executeTakeFirstOrThrow();
    expect(inGrid2.grid_id).toBe(grid2.id);
    expect((await newOrder(w, { lat: 45, lng: 118 })).grid_id).toBeNull();
    expect((await newOrder(w)).grid_id).toBeNull();
  });

  it('an import that moves a border re-assigns the open orders it concerns', async () => {
    const order = await newOrder(w, { lat: 43.95, lng: 116.12 });
    const grid2 = await database.db.selectFrom('grids').select('id').where('code', '=', 'XL-002').executeTakeFirstOrThrow();
    expect(order.grid_id).toBe(grid2.id);
    // Grid 1 grows east to 116.13; grid 2 shrinks to start there.
    const r = await admin.post('/api/grids/import', {
      geojson: file(
        feature('XL-001', '宝力根第一网格', ring(116.0, 43.9, 116.13, 44.0)),
        feature('XL-002', '宝力根二网格', ring(116.13, 43.9, 116.2, 44.0)),
      ),
    });
    expect(r.json()).toMatchObject({ updated: 2, ordersReassigned: 1 });
    const grid1 = await database.db.selectFrom('grids').select('id').where('code', '=', 'XL-001').executeTakeFirstOrThrow();
    const after = await database.db.selectFrom('orders').select('grid_id').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(after.grid_id).toBe(grid1.id);
    expect(await locate(116.12, 43.95)).toBe('XL-001');
  });

  it('replace ends the grids a file leaves out', async () => {
    const r = await admin.post('/api/grids/import', {
      geojson: file(feature('XL-001', '宝力根第一网格', ring(116.0, 43.9, 116.13, 44.0))),
      replace: true,
    });
    expect(r.json()).toMatchObject({ unchanged: 1, deactivated: 1 });
    expect(await locate(116.15, 43.95)).toBeNull();
    const all = (await admin.get('/api/grids?all=true')).json() as { items: { code: string; active: boolean }[] };
    expect(all.items.map((g) => [g.code, g.active])).toEqual([
      ['XL-001', true],
      ['XL-002', false],
    ]);
  });

  it('locate refuses bad numbers naming the field', async () => {
    const r = await operator.get('/api/grids/locate?lat=91&lng=116');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('lat');
  });
});
