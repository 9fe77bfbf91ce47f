import { beforeAll, describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import { importTwoGrids } from '../helpers/grid-world.js';
import { asUser, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// 网格编辑 (issue 18, ADR 0207): draw, edit, split and merge through the API on both databases — each
// a new version with who and `console:…`, refused with a 400 naming the field (crossing edges, an
// overlap, an unknown town, a taken code, a line that misses, grids that do not touch), 409 on a stale
// version, open orders re-assigned, the act in the audit trail.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let admin: Client;
let operator: Client;
let v1 = '';
let v2 = '';
let townId = '';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const patch = (c: Client, url: string, payload: unknown) => c.request({ method: 'PATCH', url, payload: payload as object });
const versionOf = async (id: string) =>
  (await database.db.selectFrom('grids').select(['version', 'active']).where('id', '=', id).executeTakeFirstOrThrow()).version;
const locate = async (lng: number, lat: number) =>
  ((await operator.get(`/api/grids/locate?lat=${lat}&lng=${lng}`)).json() as { grid: { code: string } | null }).grid?.code ??
  null;

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  operator = await asUser(app, w, 'operator');
  ({ v1, v2 } = await importTwoGrids(database, w, admin));
  townId = (await database.db.selectFrom('grids').select('region_id').where('id', '=', v1).executeTakeFirstOrThrow()).region_id;
});

describe('drawing a grid', () => {
  it('is the administrator’s; a bad outline, town or code is a 400 naming the field', async () => {
    const body = { code: 'V3', name: '第三网格', regionId: townId, geometry: square(116.2, 43.9, 116.3, 44.0) };
    expect((await operator.post('/api/grids', body)).statusCode).toBe(403);
    const bowTie = {
      ...body,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116.2, 43.9],
            [116.3, 44.0],
            [116.3, 43.9],
            [116.2, 44.0],
            [116.2, 43.9],
          ],
        ],
      },
    };
    const crossing = await admin.post('/api/grids', bowTie);
    expect(crossing.statusCode).toBe(400);
    expect(crossing.json().error.field).toBe('geometry.coordinates[0][0]');
    const overlapping = await admin.post('/api/grids', { ...body, geometry: square(116.15, 43.9, 116.3, 44.0) });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().error.field).toBe('geometry');
    expect(overlapping.json().error.message).toContain('V2');
    const noTown = await admin.post('/api/grids', { ...body, regionId: '00000000-0000-4000-8000-000000000000' });
    expect(noTown.json().error.field).toBe('regionId');
    const taken = await admin.post('/api/grids', { ...body, code: 'V1' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.field).toBe('code');
    const outOfRange = await admin.post('/api/grids', { ...body, geometry: square(116.2, 43.9, 186.3, 44.0) });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.field).toBe('geometry.coordinates[0][0]');
  });

  it('a drawn grid (GCJ-02 converted) is version 1 and takes its points at once', async () => {
    const order = await newOrder(w, { lat: 43.95, lng: 116.25 });
    expect(order.grid_id).toBeNull();
    const gcj = (x: number, y: number) => {
      const p = fromWgs84({ lng: x, lat: y }, 'gcj02');
      return [p.lng, p.lat];
    };
    const ring = [gcj(116.2, 43.9), gcj(116.3, 43.9), gcj(116.3, 44.0), gcj(116.2, 44.0), gcj(116.2, 43.9)];
    const r = await admin.post('/api/grids', {
      code: 'V3',
      name: '第三网格',
      regionId: townId,
      coordSystem: 'gcj02',
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ grids: [{ code: 'V3', version: 1, active: true }], ordersReassigned: 1 });
    expect(await locate(116.25, 43.95)).toBe('V3');
    const row = await database.db.selectFrom('orders').select('grid_id').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.grid_id).toBe(r.json().grids[0].id);
    const versions = (await operator.get(`/api/grids/${r.json().grids[0].id}/versions`)).json();
    expect(versions.items[0]).toMatchObject({ version: 1, source: 'console:draw', changedBy: w.actors.admin.userId });
  });
});

describe('editing a grid', () => {
  it('a new name is the next version; a stale version is a 409', async () => {
    const r = await patch(admin, `/api/grids/${v2}`, { version: 1, name: '第二网格（新）' });
    expect(r.statusCode).toBe(200);
    expect(r.json().grids[0]).toMatchObject({ version: 2, name: '第二网格（新）' });
    const stale = await patch(admin, `/api/grids/${v2}`, { version: 1, name: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('V2');
    expect((await patch(operator, `/api/grids/${v2}`, { version: 2, name: 'x' })).statusCode).toBe(403);
    const bad = await patch(admin, `/api/grids/${v2}`, { version: 2, geometry: square(116.05, 43.9, 116.2, 44.0) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('geometry');
    const shrunk = await patch(admin, `/api/grids/${v2}`, { version: 2, geometry: square(116.1, 43.9, 116.2, 43.95) });
    expect(shrunk.statusCode).toBe(200);
    expect(await locate(116.15, 43.97)).toBeNull();
    expect(await locate(116.15, 43.93)).toBe('V2');
  });
});

describe('split and merge', () => {
  it('splits a grid by a drawn line: the grid keeps one side, a new grid the other, orders follow', async () => {
    const order = await newOrder(w, { lat: 43.95, lng: 116.08 });
    expect(order.grid_id).toBe(v1);
    const version = await versionOf(v1);
    const miss = await admin.post(`/api/grids/${v1}/split`, {
      version,
      code: 'V1B',
      name: '第一网格东',
      line: [
        [116.5, 43.0],
        [116.5, 43.5],
      ],
    });
    expect(miss.statusCode).toBe(400);
    expect(miss.json().error.field).toBe('line');
    const tooShort = await admin.post(`/api/grids/${v1}/split`, { version, code: 'V1B', name: 'x', line: [[116.05, 43.9]] });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('line');
    const r = await admin.post(`/api/grids/${v1}/split`, {
      version,
      code: 'V1B',
      name: '第一网格东',
      line: [
        [116.05, 43.95],
        [116.05, 43.96],
      ],
    });
    expect(r.statusCode).toBe(200);
    const [kept, cut] = r.json().grids as { id: string; code: string; version: number }[];
    expect(kept).toMatchObject({ id: v1, version: version + 1 });
    expect(cut).toMatchObject({ code: 'V1B', version: 1 });
    expect(r.json().ordersReassigned).toBe(1);
    const sides = [await locate(116.02, 43.95), await locate(116.08, 43.95)].sort();
    expect(sides).toEqual(['V1', 'V1B']);
    const row = await database.db.selectFrom('orders').select('grid_id').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.grid_id).toBe((await locate(116.08, 43.95)) === 'V1' ? v1 : cut!.id);
    const versions = (await operator.get(`/api/grids/${v1}/versions`)).json();
    expect(versions.items[0]).toMatchObject({ version: version + 1, source: 'console:split' });
  });

  it('merges two touching grids of a town into one; others are a 400 on otherId', async () => {
    const grids = await database.db.selectFrom('grids').select(['id', 'code', 'version']).execute();
    const byCode = Object.fromEntries(grids.map((g) => [g.code, g]));
    const far = await admin.post(`/api/grids/${byCode.V1!.id}/merge`, {
      version: byCode.V1!.version,
      otherId: byCode.V3!.id,
      otherVersion: byCode.V3!.version,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.field).toBe('otherId');
    const r = await admin.post(`/api/grids/${byCode.V1!.id}/merge`, {
      version: byCode.V1!.version,
      otherId: byCode.V1B!.id,
      otherVersion: byCode.V1B!.version,
      name: '第一网格',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().grids).toMatchObject([
      { code: 'V1', active: true, name: '第一网格' },
      { code: 'V1B', active: false },
    ]);
    expect(await locate(116.02, 43.95)).toBe('V1');
    expect(await locate(116.08, 43.95)).toBe('V1');
    const ended = await patch(admin, `/api/grids/${byCode.V1B!.id}`, { version: byCode.V1B!.version + 1, name: 'x' });
    expect(ended.statusCode).toBe(409);
  });

  it('each edit is an administrative act in the audit trail', async () => {
    const rows = await database.db
      .selectFrom('pii_access_log')
      .select(['subject'])
      .where('purpose', '=', 'admin.act')
      .where('subject', 'like', '% /api/grids%')
      .execute();
    const subjects = rows.map((r) => r.subject);
    for (const s of ['POST /api/grids', 'PATCH /api/grids/:id', 'POST /api/grids/:id/split', 'POST /api/grids/:id/merge'])
      expect(subjects).toContain(s);
  });
});
