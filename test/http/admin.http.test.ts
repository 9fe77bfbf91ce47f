import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { extraConnection } from '../helpers/test-db.js';
import { useApp } from '../helpers/use-world.js';

/** The admin screen's API: categories (add, rename, disable), users (edit, deactivate, password), unit rename. */
describe('administration API', () => {
  const { database, w, app } = useApp();

  const patch = (client: Awaited<ReturnType<typeof asUser>>, url: string, payload: unknown) =>
    client.request({ method: 'PATCH', url, payload: payload as object });

  it('adds, renames and disables a category; intake and the portal stop offering it, the old order keeps it', async () => {
    const admin = await asUser(app, w, 'admin');
    const created = await admin.post('/api/categories', { parentId: w.categoryId, code: 'C111', name: '电梯故障' });
    expect(created.statusCode).toBe(201);
    const cat = created.json();
    expect(cat).toMatchObject({ parentId: w.categoryId, level: 3, active: true, name: '电梯故障' });
    const operator = await asUser(app, w, 'operator');
    const body = {
      channel: 'phone',
      appealType: 'help',
      priority: 3,
      title: '电梯坏了',
      content: '小区电梯停运三天',
      categoryId: cat.id,
    };
    const before = await operator.post('/api/orders', body);
    expect(before.statusCode).toBe(201);

    const renamed = await patch(admin, `/api/categories/${cat.id}`, { name: '电梯维修' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('电梯维修');
    const off = await patch(admin, `/api/categories/${cat.id}`, { active: false });
    expect(off.json().active).toBe(false);

    const after = await operator.post('/api/orders', body);
    expect(after.statusCode).toBe(400);
    expect(after.json().error.field).toBe('categoryId');
    const detail = (await operator.get(`/api/orders/${before.json().id}`)).json();
    expect(detail.order.categoryId).toBe(cat.id);
    const listed = (await operator.get('/api/categories')).json().items as { id: string; active: boolean; name: string }[];
    expect(listed.find((c) => c.id === cat.id)).toMatchObject({ active: false, name: '电梯维修' });
    const portal = (await app.inject({ method: 'GET', url: '/api/portal/info' })).json();
    expect(portal.categories.map((c: { id: string }) => c.id)).not.toContain(cat.id);
    expect(portal.categories.map((c: { id: string }) => c.id)).toContain(w.categoryId);
  });

  it('only the admin manages categories; bad input names the field', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    expect((await supervisor.post('/api/categories', { code: 'X1', name: '无权' })).statusCode).toBe(403);
    expect((await patch(supervisor, `/api/categories/${w.categoryId}`, { active: false })).statusCode).toBe(403);
    const admin = await asUser(app, w, 'admin');
    const dup = await admin.post('/api/categories', { code: 'C1', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('code');
    expect((await patch(admin, `/api/categories/${w.categoryId}`, {})).statusCode).toBe(400);
    expect((await patch(admin, `/api/categories/${crypto.randomUUID()}`, { name: '无' })).statusCode).toBe(404);
  });

  it('a deactivated user is signed out at once and cannot sign in; reactivation restores access', async () => {
    const analyst = await asUser(app, w, 'analyst');
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await asUser(app, w, 'security_admin');
    const off = await patch(admin, `/api/users/${w.actors.analyst.userId}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, username: w.usernames.analyst });
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(401);
    const bearer = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${analyst.token}` },
    });
    expect(bearer.statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.usernames.analyst, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const users = (await admin.get('/api/users')).json().items as { id: string; active: boolean }[];
    expect(users.find((u) => u.id === w.actors.analyst.userId)?.active).toBe(false);
    await patch(admin, `/api/users/${w.actors.analyst.userId}`, { active: true });
    expect((await (await asUser(app, w, 'analyst')).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('changes roles and unit; the user sees the new desk on the next request', async () => {
    const handler = await asUser(app, w, 'handlerB');
    expect((await handler.get('/api/auth/me')).json().roles).toEqual(['unit_handler']);
    const admin = await asUser(app, w, 'security_admin');
    const res = await patch(admin, `/api/users/${w.actors.handlerB.userId}`, {
      roles: ['unit_handler', 'unit_admin'],
      unitId: w.units.countyB.id,
      displayName: 'B旗管理员',
    });
    expect(res.statusCode).toBe(200);
    const me = (await handler.get('/api/auth/me')).json();
    expect(me).toMatchObject({ roles: ['unit_handler', 'unit_admin'], unitId: w.units.countyB.id, displayName: 'B旗管理员' });
    const badRole = await patch(admin, `/api/users/${w.actors.handlerB.userId}`, { roles: ['citizen'] });
    expect(badRole.statusCode).toBe(400);
    const self = await patch(admin, `/api/users/${w.actors.security_admin.userId}`, { active: false });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.field).toBe('active');
    const notAdmin = await asUser(app, w, 'unit_admin');
    expect((await patch(notAdmin, `/api/users/${w.actors.handlerB.userId}`, { active: false })).statusCode).toBe(403);
  });

  it('resets a password: old sessions end, the new password signs in', async () => {
    const auditor = await asUser(app, w, 'auditor');
    const admin = await asUser(app, w, 'security_admin');
    const short = await admin.post(`/api/users/${w.actors.auditor.userId}/password`, { password: 'short' });
    expect(short.statusCode).toBe(400);
    const res = await admin.post(`/api/users/${w.actors.auditor.userId}/password`, { password: 'Another-Pass-9' });
    expect(res.statusCode).toBe(200);
    expect((await auditor.get('/api/auth/me')).statusCode).toBe(401);
    // The security administrator's act is audited, without the password.
    const row = await w.deps.db
      .selectFrom('pii_access_log')
      .select(['user_id', 'subject', 'detail'])
      .where('purpose', '=', 'admin.user.password')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: w.actors.security_admin.userId, subject: w.usernames.auditor });
    expect(JSON.stringify(row.detail)).not.toContain('Another-Pass-9');
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.usernames.auditor, password } });
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('Another-Pass-9')).statusCode).toBe(200);
  });

  it('renames a unit', async () => {
    const admin = await asUser(app, w, 'admin');
    const res = await patch(admin, `/api/units/${w.units.company.id}`, { name: '城市热力公司' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '城市热力公司', active: true });
    expect((await patch(admin, `/api/units/${w.units.company.id}`, { name: '' })).statusCode).toBe(400);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('two admins adding the same code at once: the loser gets 409, not 500', async () => {
    const admin = await asUser(app, w, 'admin');
    const other = (await extraConnection(database))!;
    try {
      await other.query('begin');
      await other.query(
        `insert into categories (id, centre_id, code, name, level, path) values (gen_random_uuid(), $1, 'RACE1', '并发', 1, '/race/')`,
        [w.centreId],
      );
      const posting = admin.post('/api/categories', { code: 'RACE1', name: '并发新增' }); // waits on the unique key
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('commit');
      const res = await posting;
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
    } finally {
      await other.end();
    }
  });
});
