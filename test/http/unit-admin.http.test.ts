import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

/** POST /api/units and PATCH /api/units/:id: the admin grows and prunes the unit tree. */
describe('unit administration', () => {
  const { w: world, app } = useApp();

  it('creates a sub-unit under a parent, with its path inside the parent', async () => {
    const admin = await asUser(app, world, 'admin');
    const res = await admin.post('/api/units', {
      parentId: world.units.countyA.id,
      code: 'UA9',
      name: 'A旗新设局',
      kind: 'county_dept',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ parentId: world.units.countyA.id, code: 'UA9', name: 'A旗新设局', active: true });
    const tree = (await admin.get('/api/units')).json().items as { id: string }[];
    expect(tree.map((u) => u.id)).toContain(unit.id);
    const row = await world.deps.db.selectFrom('units').select('path').where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(row.path.startsWith(world.units.countyA.path)).toBe(true);
  });

  it('rejects a duplicate code, a missing parent and bad input, naming the field', async () => {
    const admin = await asUser(app, world, 'admin');
    const dup = await admin.post('/api/units', { parentId: world.units.countyA.id, code: 'UA1', name: '重复', kind: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('code');
    const noParent = await admin.post('/api/units', { parentId: crypto.randomUUID(), code: 'X1', name: '无上级', kind: 'other' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error.field).toBe('parentId');
    const badKind = await admin.post('/api/units', {
      parentId: world.units.countyA.id,
      code: 'X2',
      name: '中心',
      kind: 'centre',
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('deactivates a unit so it can no longer be dispatched to, and reactivates it', async () => {
    const admin = await asUser(app, world, 'admin');
    const off = await admin.request({ method: 'PATCH', url: `/api/units/${world.units.townA2.id}`, payload: { active: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const operator = await asUser(app, world, 'operator');
    const created = await operator.post('/api/orders', {
      channel: 'phone',
      appealType: 'help',
      priority: 3,
      title: '停用单位派单',
      content: '测试停用单位不能接收派单',
    });
    const order = created.json();
    const dispatch = await operator.post(`/api/orders/${order.id}/actions/dispatch`, {
      version: order.version,
      leadUnitId: world.units.townA2.id,
    });
    expect(dispatch.statusCode).toBe(400);
    const on = await admin.request({ method: 'PATCH', url: `/api/units/${world.units.townA2.id}`, payload: { active: true } });
    expect(on.json().active).toBe(true);
    const centre = await admin.request({
      method: 'PATCH',
      url: `/api/units/${world.units.centre.id}`,
      payload: { active: false },
    });
    expect(centre.statusCode).toBe(400);
  });

  it('is for the admin only', async () => {
    for (const who of ['operator', 'unit_admin', 'supervisor'] as const) {
      const client = await asUser(app, world, who);
      const res = await client.post('/api/units', {
        parentId: world.units.countyA.id,
        code: `Z${who}`,
        name: '越权',
        kind: 'other',
      });
      expect(res.statusCode).toBe(403);
      const patch = await client.request({
        method: 'PATCH',
        url: `/api/units/${world.units.townA2.id}`,
        payload: { active: false },
      });
      expect(patch.statusCode).toBe(403);
    }
  });
});
