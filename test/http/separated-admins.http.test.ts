import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ROLES, SEPARATED_ADMIN_ROLES } from '../../src/contract/vocabulary.js';
import { up as migrate0741 } from '../../src/db/migrations/0741_separated_admins.js';
import { insertUser } from '../../src/users/user.repository.js';
import type { Client } from '../helpers/http.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

const patch = (client: Client, url: string, payload: unknown) =>
  client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const auditRows = (purpose: string) =>
  w.deps.db
    .selectFrom('pii_access_log')
    .select(['user_id', 'subject', 'detail', 'centre_id'])
    .where('purpose', '=', purpose)
    .orderBy('id') // insertion order: the tests slice the rows written after a point
    .execute();

let serial = 0;
const newAccount = (roles: string[]) => ({
  username: `sod_${++serial}`,
  displayName: `三员测试 ${serial}`,
  password: 'Sep@ration-2025',
  unitId: w.units.centre.id,
  roles,
});

describe('三员分立: the system, security and audit administrators (issue 15, ADR 0157)', () => {
  it('refuses every combination of an administrator role with any other role, on create and on edit', async () => {
    const sec = await asUser(app, w, 'security_admin');
    const target = (await sec.post('/api/users', newAccount(['operator']))).json().id as string;
    let refused = 0;
    for (const admin of SEPARATED_ADMIN_ROLES) {
      for (const other of ROLES.filter((r) => r !== admin)) {
        const created = await sec.post('/api/users', newAccount([admin, other]));
        expect(`${admin}+${other}:${created.statusCode}`).toBe(`${admin}+${other}:400`);
        expect(created.json().error).toMatchObject({ code: 'VALIDATION', field: 'roles' });
        expect(created.json().error.message).toContain('三员分立');
        expect(created.json().error.messageEn).toContain('Separation of duties');
        const edited = await patch(sec, `/api/users/${target}`, { roles: [other, admin] });
        expect(`${admin}+${other}:${edited.statusCode}`).toBe(`${admin}+${other}:400`);
        refused += 2;
      }
    }
    expect(refused).toBe(2 * 3 * (ROLES.length - 1));
    expect((await sec.post('/api/users', newAccount([...SEPARATED_ADMIN_ROLES]))).statusCode).toBe(400);
    // Nothing half-written: the refused accounts do not exist, the target kept its role.
    const rows = await w.deps.db.selectFrom('users').select(['username', 'roles']).where('username', 'like', 'sod_%').execute();
    expect(rows).toEqual([{ username: 'sod_1', roles: ['operator'] }]);
    // Each administrator alone is fine.
    for (const admin of SEPARATED_ADMIN_ROLES) expect((await sec.post('/api/users', newAccount([admin]))).statusCode).toBe(201);
  });

  it('refuses every self-grant: nobody changes their own roles, nor resets their own password here', async () => {
    const sec = await asUser(app, w, 'security_admin');
    const self = w.actors.security_admin.userId!;
    for (const roles of [['security_admin', 'auditor'], ['auditor'], ['admin'], ['supervisor'], ['security_admin', 'operator']]) {
      const res = await patch(sec, `/api/users/${self}`, { roles });
      expect(`${roles.join('+')}:${res.statusCode}`).toBe(`${roles.join('+')}:403`);
      expect(res.json().error.message).toContain('不能修改自己的角色');
    }
    const reset = await sec.post(`/api/users/${self}/password`, { password: 'Self-Reset-2025' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.messageEn).toContain('own password');
    // The system and audit administrators cannot touch accounts at all, their own included.
    for (const who of ['admin', 'auditor'] as const) {
      const client = await asUser(app, w, who);
      const id = w.actors[who].userId!;
      expect((await patch(client, `/api/users/${id}`, { roles: [who, 'supervisor'] })).statusCode).toBe(403);
      expect((await patch(client, `/api/users/${id}`, { roles: ['security_admin'] })).statusCode).toBe(403);
      expect((await client.get('/api/users')).statusCode).toBe(403);
      expect((await client.post('/api/users', newAccount(['operator']))).statusCode).toBe(403);
      expect(
        (await client.post(`/api/users/${w.actors.operator.userId}/password`, { password: 'Other-Pass-2025' })).statusCode,
      ).toBe(403);
    }
    const roles = await w.deps.db.selectFrom('users').select('roles').where('id', '=', self).executeTakeFirstOrThrow();
    expect(roles.roles).toEqual(['security_admin']);
  });

  it('splits the duties: accounts for the security admin, the organisation for the system admin, the audit trail for the auditor', async () => {
    const sec = await asUser(app, w, 'security_admin');
    const sys = await asUser(app, w, 'admin');
    const aud = await asUser(app, w, 'auditor');
    const rename = { name: '城市热力公司' };
    expect((await patch(sec, `/api/units/${w.units.company.id}`, rename)).statusCode).toBe(403);
    expect((await patch(aud, `/api/units/${w.units.company.id}`, rename)).statusCode).toBe(403);
    expect((await patch(sys, `/api/units/${w.units.company.id}`, rename)).statusCode).toBe(200);
    expect((await sec.post('/api/categories', { code: 'X9', name: '安全员新增' })).statusCode).toBe(403);
    // Neither the security nor the audit administrator reads orders.
    expect((await sec.get('/api/orders')).statusCode).toBe(403);
    expect((await aud.get('/api/orders')).statusCode).toBe(403);
    expect((await aud.get('/api/audit/pii-access?order=0000000000')).statusCode).toBe(404); // the audit view answers
    expect((await sec.get('/api/audit/pii-access?order=0000000000')).statusCode).toBe(403);
    expect((await sys.get('/api/audit/pii-access?order=0000000000')).statusCode).toBe(403);
  });

  it('audits every administrative act: accounts in their transaction, the organisation on success only', async () => {
    const sec = await asUser(app, w, 'security_admin');
    const created = (await sec.post('/api/users', newAccount(['analyst']))).json();
    await patch(sec, `/api/users/${created.id}`, { roles: ['analyst', 'leader'], displayName: '改名' });
    await patch(sec, `/api/users/${created.id}`, { active: false });
    const create = (await auditRows('admin.user.create')).find((r) => r.subject === created.username);
    expect(create).toMatchObject({
      user_id: w.actors.security_admin.userId,
      centre_id: w.centreId,
      detail: { roles: ['analyst'] },
    });
    const roles = (await auditRows('admin.user.roles')).find((r) => r.subject === created.username);
    expect(roles?.detail).toMatchObject({
      changed: ['displayName', 'roles'],
      before: { roles: ['analyst'] },
      after: { roles: ['analyst', 'leader'], displayName: '改名' },
    });
    expect((await auditRows('admin.user.update')).find((r) => r.subject === created.username)?.detail).toMatchObject({
      after: { active: false },
    });

    const sys = await asUser(app, w, 'admin');
    const before = (await auditRows('admin.act')).length;
    expect((await patch(sys, `/api/units/${w.units.company.id}`, { name: '热力总公司' })).statusCode).toBe(200);
    expect((await patch(sys, `/api/units/${w.units.company.id}`, { name: '' })).statusCode).toBe(400);
    const acts = (await auditRows('admin.act')).slice(before);
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({
      user_id: w.actors.admin.userId,
      subject: 'PATCH /api/units/:id',
      detail: { params: { id: w.units.company.id }, body: { name: '热力总公司' }, status: 200 },
    });
  });

  it("writes the audit row in the act's own transaction: one row per act, and no act without its row (ADR 0199)", async () => {
    const sys = await asUser(app, w, 'admin');
    const db = w.deps.db;
    const categoryCodes = async () =>
      (await db.selectFrom('categories').select('code').where('code', 'like', 'UOW%').execute()).map((r) => r.code);
    // A created category answers through reply.send (201): still exactly one row, written before the answer.
    const before = (await auditRows('admin.act')).length;
    const created = await sys.post('/api/categories', { code: 'UOW1', name: '审计同事务' });
    expect(created.statusCode).toBe(201);
    const acts = (await auditRows('admin.act')).slice(before);
    expect(acts.map((a) => a.subject)).toEqual(['POST /api/categories']);
    expect(acts[0]?.detail).toMatchObject({ body: { code: 'UOW1', name: '审计同事务' }, status: 201 });

    // The audit trail refuses the row: the act is rolled back with it, and nobody hears it succeeded.
    await sql`create function uow_refuse_admin_act() returns trigger language plpgsql as $$
      begin if new.purpose = 'admin.act' then raise exception 'audit trail unavailable'; end if; return new; end $$`.execute(db);
    await sql`create trigger uow_refuse_admin_act before insert on pii_access_log
      for each row execute function uow_refuse_admin_act()`.execute(db);
    try {
      const renamed = await patch(sys, `/api/units/${w.units.company.id}`, { name: '未审计的改名' });
      expect(renamed.statusCode).toBe(500);
      const added = await sys.post('/api/categories', { code: 'UOW2', name: '未审计的新增' });
      expect(added.statusCode).toBe(500);
      // A business user's write is no administrative act: untouched by the refusal.
      const op = await asUser(app, w, 'operator');
      const order = {
        channel: 'phone',
        appealType: 'help',
        priority: 3,
        title: '路灯不亮',
        content: '路灯坏了三天',
        categoryId: w.categoryId,
      };
      expect((await op.post('/api/orders', order)).statusCode).toBe(201);
    } finally {
      await sql`drop trigger uow_refuse_admin_act on pii_access_log`.execute(db);
      await sql`drop function uow_refuse_admin_act()`.execute(db);
    }
    const unit = await db.selectFrom('units').select('name').where('id', '=', w.units.company.id).executeTakeFirstOrThrow();
    expect(unit.name).not.toBe('未审计的改名');
    expect(await categoryCodes()).toEqual(['UOW1']);
    expect((await auditRows('admin.act')).slice(before)).toHaveLength(1);

    // Acts and other requests side by side all finish (the embedded database has one connection).
    const answers = await Promise.all([
      patch(sys, `/api/units/${w.units.company.id}`, { name: '并发改名一' }),
      sys.get('/api/categories'),
      sys.post('/api/categories', { code: 'UOW3', name: '并发新增' }),
      patch(sys, `/api/units/${w.units.company.id}`, { name: '并发改名二' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 201, 200]);
    expect((await auditRows('admin.act')).slice(before)).toHaveLength(4);
  });

  it('migration 0741 leaves each old combined account only its administrator role, and audits the change', async () => {
    const add = (username: string, roles: string[]) =>
      insertUser(w.deps.db, {
        centreId: w.centreId,
        unitId: w.units.centre.id,
        username,
        displayName: username,
        passwordHash: 'x',
        roles,
      });
    const a = await add('old_admin_sup', ['admin', 'supervisor', 'auditor']);
    const b = await add('old_auditor_analyst', ['analyst', 'auditor']);
    const c = await add('old_plain_admin', ['admin']);
    await migrate0741(w.deps.db as never);
    const roles = async (id: string) =>
      (await w.deps.db.selectFrom('users').select('roles').where('id', '=', id).executeTakeFirstOrThrow()).roles;
    expect(await roles(a.id)).toEqual(['admin']);
    expect(await roles(b.id)).toEqual(['auditor']);
    expect(await roles(c.id)).toEqual(['admin']);
    const rows = await auditRows('migration.user.roles');
    expect(rows.find((r) => r.subject === 'old_admin_sup')?.detail).toMatchObject({
      before: ['admin', 'supervisor', 'auditor'],
      after: ['admin'],
    });
    expect(rows.map((r) => r.subject).sort()).toEqual(['old_admin_sup', 'old_auditor_analyst']);
  });
});
