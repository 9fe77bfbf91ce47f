import { beforeAll, describe, expect, it } from 'vitest';
import type { NearbyAnswer, RegionOutlineView } from '../../src/contract/map.js';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// The portal's map (issue 18, ADR 0187) on both databases: nearby open appeals with public fields only,
// blurred to the 0.001° lattice, limited per IP like the look-ups; the outlines of counties and towns
// drawn from their grids; a pinned appeal stored in WGS-84; the tiles setting exposed (none here).
const { w, app, database } = useApp({ env: { LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '4' } });

const HERE = { lat: 43.95, lng: 116.05 };
const nearby = (ip: string, query = `lat=${HERE.lat}&lng=${HERE.lng}`) =>
  app.inject({ method: 'GET', url: `/api/portal/nearby?${query}`, remoteAddress: ip });

beforeAll(async () => {
  // Within the kilometre: an open appeal, a confidential one, one rejected (無效件); 3 km away: another.
  await newOrder(w, { lat: 43.95041, lng: 116.05037, title: '王五反映路灯不亮', callerName: '王五', address: '团结小区3号楼' });
  await newOrder(w, { lat: 43.9521, lng: 116.0512, title: '保密', callerConfidential: true });
  const rejected = await newOrder(w, { lat: 43.9502, lng: 116.0502 });
  await act(w, w.actors.operator, rejected, 'reject', { reason: 'lawful_channel', explanation: '请走诉讼途径' });
  await newOrder(w, { lat: 43.977, lng: 116.05, title: '远处' });
  // A town of A旗 with one grid: the outlines come from it.
  await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R900', name: '宝力根街道', level: 2 });
  const admin = await asUser(app, w, 'admin');
  const grid = {
    type: 'Feature',
    properties: { code: 'G1', name: '第一网格', region: 'R900' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [116.0, 43.9],
          [116.1, 43.9],
          [116.1, 44.0],
          [116.0, 44.0],
          [116.0, 43.9],
        ],
      ],
    },
  };
  expect((await admin.post('/api/grids/import', { geojson: { type: 'FeatureCollection', features: [grid] } })).statusCode).toBe(
    200,
  );
});

describe('GET /api/portal/nearby', () => {
  it('shows the open, non-confidential appeals within a kilometre: category, stage, day and a blurred point only', async () => {
    const r = await nearby('10.8.0.1');
    expect(r.statusCode).toBe(200);
    const body = r.json() as NearbyAnswer;
    expect(body.radiusMetres).toBe(1000);
    expect(body.items).toEqual([
      {
        category: '物业管理',
        stage: 'received',
        stageText: { zh: '已收到，正在安排办理单位', en: 'Received; finding the office to handle it' },
        acceptedOn: expect.any(String),
        lat: 43.95,
        lng: 116.05,
        distanceMetres: 0,
      },
    ]);
    // Nothing personal and nothing written: no title, text, number, caller or address.
    expect(r.body).not.toMatch(/王五|路灯|团结小区|138\d{8}|orderNo|title|content|address|caller/);
  });

  it('is limited per IP like the look-ups (429 with Retry-After); a bad point is 400 naming the field', async () => {
    for (let i = 0; i < 4; i++) expect((await nearby('10.8.0.2')).statusCode).toBe(200);
    const limited = await nearby('10.8.0.2');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await nearby('10.8.0.3')).statusCode).toBe(200);
    const bad = await nearby('10.8.0.4', 'lat=91&lng=116');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lat');
    const missing = await nearby('10.8.0.5', 'lat=43.9');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('lng');
  });
});

describe('the portal and console maps', () => {
  it('outlines the county and the town from their grids, for the public and for staff alike', async () => {
    const pub = await app.inject({ method: 'GET', url: '/api/portal/map/regions' });
    expect(pub.statusCode).toBe(200);
    const items = (pub.json() as { items: RegionOutlineView[] }).items;
    expect(items.map((o) => [o.name, o.level, o.ring.length])).toEqual([
      ['A旗', 1, 5],
      ['宝力根街道', 2, 5],
    ]);
    expect(items[1]!.label).toEqual({ lng: 116.05, lat: 44.0 });
    const operator = await asUser(app, w, 'operator');
    const staff = await operator.get('/api/map/regions');
    expect(staff.json()).toEqual(pub.json());
    expect((await app.inject({ method: 'GET', url: '/api/map/regions' })).statusCode).toBe(401);
  });

  it('says no base tiles are configured, to the portal and the console', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/portal/info' })).json().map).toBeNull();
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get('/api/auth/me')).json().map).toBeNull();
  });

  it('with tiles configured: both read them, and the page may load images from their servers only', async () => {
    const tiled = await buildTestApp(w, {
      LIANXIN_MAP_TILES: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=KEY',
      LIANXIN_MAP_TILES_SUBDOMAINS: '01234567',
      LIANXIN_MAP_TILES_CRS: 'wgs84',
      LIANXIN_MAP_ATTRIBUTION: '© 天地图',
    });
    try {
      const info = await tiled.inject({ method: 'GET', url: '/api/portal/info' });
      expect(info.json().map).toEqual({
        urls: ['https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=KEY'],
        subdomains: '01234567',
        crs: 'wgs84',
        attribution: '© 天地图',
        maxZoom: 18,
      });
      const csp = String(info.headers['content-security-policy']);
      expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tianditu\.gov\.cn(;|$)/);
      const operator = await asUser(tiled, w, 'operator');
      expect((await operator.get('/api/auth/me')).json().map.crs).toBe('wgs84');
    } finally {
      await tiled.close();
    }
    // Without tiles the images stay on this server.
    const plain = await app.inject({ method: 'GET', url: '/api/portal/info' });
    expect(String(plain.headers['content-security-policy'])).toMatch(/img-src 'self' data: blob:(;|$)/);
  });

  it('a pinned portal appeal is stored at its point; half a point is 400 naming the missing half', async () => {
    const appeal = {
      appealType: 'help',
      title: '井盖丢失',
      content: '路口井盖丢失，很危险。',
      callerName: '李四',
      callerPhone: '13900001111',
    };
    const ok = await app.inject({ method: 'POST', url: '/api/portal/appeals', payload: { ...appeal, lat: 43.93, lng: 116.02 } });
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await database.db
      .selectFrom('orders')
      .select(['lat', 'lng', 'grid_id'])
      .where('order_no', '=', ok.json().orderNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ lat: 43.93, lng: 116.02 });
    expect(row.grid_id).not.toBeNull();
    const half = await app.inject({ method: 'POST', url: '/api/portal/appeals', payload: { ...appeal, lat: 43.93 } });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.field).toBe('lng');
  });
});
