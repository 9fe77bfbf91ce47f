import { beforeAll, describe, expect, it } from 'vitest';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import {
  box,
  dbfOf,
  kmlOf,
  PRJ_BEIJING_1954,
  PRJ_CGCS2000,
  PRJ_GAUSS_KRUGER,
  PRJ_WGS84,
  shpOf,
  zipOf,
  type Rings,
} from '../helpers/grid-files.js';
import { multipart } from '../helpers/grid-world.js';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

// Grid files as grid platforms export them (issue 18, ADR 0185 amended): a shapefile zip (GBK .dbf,
// CGCS2000 .prj, configurable attribute names) and KML (MultiGeometry, ExtendedData), built at run
// time, imported through POST /api/grids/import/file and asked point → grid — on PGlite and
// PostgreSQL alike. Bad files are 400 naming the part and the reason.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let admin: Client;
let operator: Client;

const upload = (client: Client, fileName: string, data: Buffer, fields: Record<string, string> = {}) =>
  client.request({
    method: 'POST',
    url: '/api/grids/import/file',
    ...multipart(fields, [{ name: 'file', fileName, type: 'application/octet-stream', data }]),
  });

const locate = async (lng: number, lat: number) => {
  const r = await operator.get(`/api/grids/locate?lat=${lat}&lng=${lng}`);
  expect(r.statusCode).toBe(200);
  return (r.json() as { grid: { code: string } | null }).grid?.code ?? null;
};

type Shape = { code: string; name: string; regionId: string; geometry: { type: string; coordinates: number[][][][] } };
const shapes = async () => ((await operator.get('/api/grids/shapes')).json() as { items: Shape[] }).items;

/** A shapefile zip of the town's two grids, as ArcGIS writes it for a Chinese platform: GBK, no .cpg. */
const SF1: Rings = [box(116.0, 43.9, 116.1, 44.0), box(116.04, 43.94, 116.06, 43.96, false)]; // with a hole
const SF2a: Rings = [box(116.1, 43.9, 116.2, 44.0)];
const SF2b: Rings = [box(116.3, 43.9, 116.4, 44.0)]; // a second, separate part
const shapefileZip = (files: { prj?: string; cpg?: string; shp?: Buffer; dbf?: Buffer | null } = {}) =>
  zipOf({
    'wangge/网格.shp': files.shp ?? shpOf([SF1, [...SF2a, ...SF2b]]),
    ...(files.dbf === null
      ? {}
      : {
          'wangge/网格.dbf':
            files.dbf ??
            dbfOf(
              ['WGBM', 'WGMC', 'SSJD'],
              [
                ['SF-001', '额尔敦第一网格', 'R950'],
                ['SF-002', '额尔敦第二网格', '额尔敦街道'],
              ],
              'gbk',
            ),
        }),
    ...(files.prj ? { 'wangge/网格.prj': files.prj } : {}),
    ...(files.cpg ? { 'wangge/网格.cpg': files.cpg } : {}),
  });
const SHAPEFILE_FIELDS = { codeField: 'WGBM', nameField: 'WGMC', regionField: 'SSJD' };

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  operator = await asUser(app, w, 'operator');
  await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R950', name: '额尔敦街道', level: 2 });
  await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R951', name: '希日塔拉街道', level: 2 });
});

describe('shapefile zip', () => {
  it('imports polygons with a hole and a two-part grid, names from the configured GBK attributes', async () => {
    const r = await upload(admin, '网格.zip', shapefileZip({ prj: PRJ_CGCS2000 }), SHAPEFILE_FIELDS);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'shapefile', created: 2, updated: 0 });
    const byCode = new Map((await shapes()).map((s) => [s.code, s]));
    expect(byCode.get('SF-001')).toMatchObject({ name: '额尔敦第一网格', geometry: { type: 'MultiPolygon' } });
    expect(byCode.get('SF-001')!.geometry.coordinates).toHaveLength(1);
    expect(byCode.get('SF-001')!.geometry.coordinates[0]).toHaveLength(2); // outer ring and hole
    expect(byCode.get('SF-002')!.geometry.coordinates).toHaveLength(2); // two parts
    expect(byCode.get('SF-002')!.name).toBe('额尔敦第二网格');
    // point → grid: inside, in the hole (no grid), each part of the two-part grid, outside
    expect(await locate(116.02, 43.92)).toBe('SF-001');
    expect(await locate(116.05, 43.95)).toBeNull();
    expect(await locate(116.15, 43.95)).toBe('SF-002');
    expect(await locate(116.35, 43.95)).toBe('SF-002');
    expect(await locate(116.25, 43.95)).toBeNull();
    // the same file again changes nothing; a WGS-84 .prj with a UTF-8 .cpg reads the same grids
    const again = await upload(admin, '网格.zip', shapefileZip({ prj: PRJ_CGCS2000 }), SHAPEFILE_FIELDS);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const utf8 = dbfOf(
      ['WGBM', 'WGMC', 'SSJD'],
      [
        ['SF-001', '额尔敦第一网格', 'R950'],
        ['SF-002', '额尔敦第二网格', 'R950'],
      ],
    );
    const viaWgs = await upload(admin, 'grids.zip', shapefileZip({ prj: PRJ_WGS84, cpg: 'UTF-8', dbf: utf8 }), SHAPEFILE_FIELDS);
    expect(viaWgs.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a projected .prj, another datum, a missing .dbf and other bad zips, naming the problem', async () => {
    const projected = await upload(admin, 'gk.zip', shapefileZip({ prj: PRJ_GAUSS_KRUGER }), SHAPEFILE_FIELDS);
    expect(projected.statusCode).toBe(400);
    expect(projected.json().error.field).toBe('file.prj');
    expect(projected.json().error.messageEn).toContain('projected coordinate system "CGCS2000_3_Degree_GK_CM_117E"');
    const beijing = await upload(admin, 'bj54.zip', shapefileZip({ prj: PRJ_BEIJING_1954 }), SHAPEFILE_FIELDS);
    expect(beijing.statusCode).toBe(400);
    expect(beijing.json().error.messageEn).toContain('D_Beijing_1954');
    // metres without a .prj: not longitude/latitude
    const metres = shapefileZip({ shp: shpOf([[box(500_000, 4_860_000, 501_000, 4_861_000)], SF2a]) });
    const noPrj = await upload(admin, 'm.zip', metres, SHAPEFILE_FIELDS);
    expect(noPrj.statusCode).toBe(400);
    expect(noPrj.json().error.field).toBe('file.shp');
    expect(noPrj.json().error.messageEn).toContain('not longitude/latitude');
    const noDbf = await upload(admin, 'x.zip', shapefileZip({ dbf: null }), SHAPEFILE_FIELDS);
    expect(noDbf.statusCode).toBe(400);
    expect(noDbf.json().error.field).toBe('file.dbf');
    const lines = await upload(admin, 'l.zip', shapefileZip({ shp: shpOf([SF1, SF2a], 3) }), SHAPEFILE_FIELDS);
    expect(lines.statusCode).toBe(400);
    expect(lines.json().error.messageEn).toContain('shape type 3');
    const oneShape = await upload(admin, 'n.zip', shapefileZip({ shp: shpOf([SF1]) }), SHAPEFILE_FIELDS);
    expect(oneShape.statusCode).toBe(400);
    expect(oneShape.json().error.messageEn).toContain('2 records for 1 shapes');
    // the attribute names: the default ones are not in this .dbf
    const defaults = await upload(admin, '网格.zip', shapefileZip({ prj: PRJ_CGCS2000 }));
    expect(defaults.statusCode).toBe(400);
    expect(defaults.json().error.field).toBe('file.features[0].properties.code');
    const wrongRegion = await upload(admin, '网格.zip', shapefileZip(), { ...SHAPEFILE_FIELDS, regionField: 'SSQX' });
    expect(wrongRegion.statusCode).toBe(400);
    expect(wrongRegion.json().error.field).toBe('file.features[0].properties.SSQX');
    const encoding = await upload(admin, '网格.zip', shapefileZip(), { ...SHAPEFILE_FIELDS, encoding: 'klingon' });
    expect(encoding.statusCode).toBe(400);
    expect(encoding.json().error.field).toBe('encoding');
    const empty = await upload(admin, 'e.zip', zipOf({ 'readme.txt': 'nothing here' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.messageEn).toContain('no .shp');
    const cut = shapefileZip({ prj: PRJ_CGCS2000 });
    const damaged = await upload(admin, 'd.zip', cut.subarray(0, Math.floor(cut.length / 2)), SHAPEFILE_FIELDS);
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().error.field).toMatch(/^file/);
    const unknown = await upload(admin, 'x.bin', Buffer.from('GIF89a……'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('file');
    const badField = await upload(admin, '网格.zip', shapefileZip(), { coordSystem: 'mercator' });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.field).toBe('coordSystem');
    expect((await upload(operator, '网格.zip', shapefileZip({ prj: PRJ_CGCS2000 }), SHAPEFILE_FIELDS)).statusCode).toBe(403);
    // nothing of the refused files was written
    const codes = (await shapes()).map((s) => s.code).sort();
    expect(codes.filter((c) => c.startsWith('SF-'))).toEqual(['SF-001', 'SF-002']);
  });
});

describe('KML', () => {
  const kml = (extra: Partial<{ code2: string }> = {}) =>
    kmlOf([
      { name: '希日塔拉第一网格', data: { 网格编码: 'KM-001' }, polygons: [[box(117.0, 43.0, 117.1, 43.1, false)]] },
      {
        name: '希日塔拉第二网格',
        data: { 网格编码: extra.code2 ?? 'KM-002' },
        polygons: [[box(117.1, 43.0, 117.2, 43.1, false)], [box(117.3, 43.0, 117.4, 43.1, false)]],
      },
    ]);

  it('imports placemarks (a MultiGeometry as one grid), the region given for the whole file', async () => {
    const r = await upload(admin, '网格.kml', Buffer.from(kml(), 'utf8'), { region: 'R951' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'kml', created: 2 });
    const byCode = new Map((await shapes()).map((s) => [s.code, s]));
    expect(byCode.get('KM-001')).toMatchObject({ name: '希日塔拉第一网格' });
    expect(byCode.get('KM-002')!.geometry.coordinates).toHaveLength(2);
    expect(byCode.get('KM-001')!.regionId).toBe(byCode.get('KM-002')!.regionId);
    expect(await locate(117.05, 43.05)).toBe('KM-001');
    expect(await locate(117.15, 43.05)).toBe('KM-002');
    expect(await locate(117.35, 43.05)).toBe('KM-002');
    expect(await locate(117.25, 43.05)).toBeNull();
  });

  it('reads a KMZ, and converts GCJ-02 positions to the stored WGS-84', async () => {
    const gcj = (x: number, y: number) => {
      const p = fromWgs84({ lng: x, lat: y }, 'gcj02');
      return [p.lng, p.lat];
    };
    const ring = [
      [118.0, 42.0],
      [118.1, 42.0],
      [118.1, 42.1],
      [118.0, 42.1],
      [118.0, 42.0],
    ];
    const doc = kmlOf([{ name: '高德网格', data: { code: 'KM-GCJ' }, polygons: [[ring.map(([x, y]) => gcj(x!, y!))]] }]);
    const r = await upload(admin, '网格.kmz', zipOf({ 'doc.kml': doc }), { region: '希日塔拉街道', coordSystem: 'gcj02' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'kml', created: 1 });
    const stored = (await shapes()).find((s) => s.code === 'KM-GCJ')!.geometry.coordinates[0]![0]!;
    stored.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(ring[i]![0]!, 5);
      expect(p[1]).toBeCloseTo(ring[i]![1]!, 5);
    });
  });

  it('refuses entities, bad XML, points and placemarks without a code, naming them', async () => {
    const entity = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>`;
    const e = await upload(admin, 'x.kml', Buffer.from(entity));
    expect(e.statusCode).toBe(400);
    expect(e.json().error.messageEn).toContain('DOCTYPE');
    const broken = await upload(admin, 'b.kml', Buffer.from('<kml><Document><Placemark></Document></kml>'), { region: 'R951' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.messageEn).toContain('not well-formed XML');
    const notKml = await upload(admin, 'svg.kml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    expect(notKml.statusCode).toBe(400);
    expect(notKml.json().error.messageEn).toContain('<kml> expected');
    const point = kmlOf([{ name: 'p', data: { code: 'P1' }, polygons: [] }]).replace(
      '<ExtendedData><Data name="code"><value>P1</value></Data></ExtendedData>',
      '<ExtendedData><Data name="code"><value>P1</value></Data></ExtendedData><Point><coordinates>117,43</coordinates></Point>',
    );
    const p = await upload(admin, 'p.kml', Buffer.from(point.replace('<MultiGeometry></MultiGeometry>', '')), { region: 'R951' });
    expect(p.statusCode).toBe(400);
    expect(p.json().error.field).toBe('file.features[0].geometry.type');
    const noCode = await upload(admin, 'n.kml', Buffer.from(kml({ code2: ' ' })), { region: 'R951' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.field).toBe('file.features[1].properties.code');
    const noRegion = await upload(admin, 'r.kml', Buffer.from(kml()));
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error.field).toBe('file.features[0].properties.region');
  });
});
