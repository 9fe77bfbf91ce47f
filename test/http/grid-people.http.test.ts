import { beforeAll, describe, expect, it } from 'vitest';
import { importTwoGrids } from '../helpers/grid-world.js';
import { asUser, type Client } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

// 网格人员 (issue 18, ADR 0186): the administrator attaches grid workers (an account), heads and
// reporters (an account or a name) to a grid and ends them; a grid worker's tasks follow.
const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
let admin: Client;
let operator: Client;
let v1 = '';

const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

beforeAll(async () => {
  admin = await asUser(app, w, 'admin');
  operator = await asUser(app, w, 'operator');
  ({ v1 } = await importTwoGrids(database, w, admin));
});

describe('grid people', () => {
  it('attaches a worker with an account and a 联户长 by name; bad input is a 400 naming the field', async () => {
    expect(
      (await operator.post(`/api/grids/${v1}/people`, { role: 'worker', userId: w.actors.unit_handler.userId })).statusCode,
    ).toBe(403);
    const noAccount = await admin.post(`/api/grids/${v1}/people`, { role: 'worker', name: '张三' });
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.json().error.field).toBe('userId');
    const unknown = await admin.post(`/api/grids/${v1}/people`, {
      role: 'worker',
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json().error.field).toBe('userId');
    const badRole = await admin.post(`/api/grids/${v1}/people`, { role: 'mayor', name: 'x' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain('role');
    const nameless = await admin.post(`/api/grids/${v1}/people`, { role: 'household_head' });
    expect(nameless.json().error.field).toBe('name');

    const worker = await admin.post(`/api/grids/${v1}/people`, { role: 'worker', userId: w.actors.unit_handler.userId });
    expect(worker.statusCode).toBe(200);
    expect(worker.json().items).toMatchObject([
      { role: 'worker', userId: w.actors.unit_handler.userId, name: w.actors.unit_handler.label, active: true },
    ]);
    const twice = await admin.post(`/api/grids/${v1}/people`, { role: 'worker', userId: w.actors.unit_handler.userId });
    expect(twice.json().error.field).toBe('userId');
    const head = await admin.post(`/api/grids/${v1}/people`, { role: 'household_head', name: '巴特尔' });
    expect(head.json().items.map((p: { name: string }) => p.name)).toContain('巴特尔');
    const listed = await operator.get(`/api/grids/${v1}/people`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(2);
  });

  it('a person leaves the grid (kept, inactive); a second removal is a 404', async () => {
    const people = (await admin.get(`/api/grids/${v1}/people`)).json().items as { id: string; role: string }[];
    const worker = people.find((p) => p.role === 'worker')!;
    const r = await del(admin, `/api/grids/${v1}/people/${worker.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.find((p: { id: string }) => p.id === worker.id).active).toBe(false);
    expect((await del(admin, `/api/grids/${v1}/people/${worker.id}`)).statusCode).toBe(404);
    expect((await operator.get('/api/grids/00000000-0000-4000-8000-000000000000/people')).statusCode).toBe(404);
  });
});
