import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/contract/vocabulary.js';
import { setCentreMfaRoles } from '../../src/users/totp.repository.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

const put = (client: Awaited<ReturnType<typeof asUser>>, roles: unknown) =>
  client.request({ method: 'PUT', url: '/api/users/mfa-policy', payload: { roles } });
const signIn = (who: keyof typeof w.usernames) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.usernames[who], password: TEST_PASSWORD } });

/** Who must sign in with TOTP, set by the security administrator on its screen (issue 15, ADR 0156 amendment). */
describe('the centre’s two-factor rule (mfa_required_roles)', () => {
  it('the security administrator reads and sets it; it takes effect at the next sign-in; audited in the act', async () => {
    const sec = await asUser(app, w, 'security_admin');
    // The test world's centre chose "optional" (like the demo).
    expect((await sec.get('/api/users/mfa-policy')).json()).toEqual({ roles: [], undecided: false });
    const set = await put(sec, ['leader', 'operator']);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ roles: ['operator', 'leader'], undecided: false });
    expect((await signIn('operator')).json()).toMatchObject({ mfa: 'enrol' });
    expect((await signIn('dispatcher')).cookies.some((c) => c.name === 'lianxin_session')).toBe(true);
    const audit = await w.deps.db
      .selectFrom('pii_access_log')
      .select(['user_id', 'detail', 'centre_id'])
      .where('purpose', '=', 'admin.centre.mfa')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: w.actors.security_admin.userId,
      centre_id: w.centreId,
      detail: { before: [], after: ['operator', 'leader'] },
    });
    // Not also a second row from the generic administrative-act audit.
    expect(await w.deps.db.selectFrom('pii_access_log').select('id').where('purpose', '=', 'admin.act').execute()).toHaveLength(
      0,
    );
    expect((await put(sec, [])).json()).toEqual({ roles: [], undecided: false });
    expect((await signIn('operator')).cookies.some((c) => c.name === 'lianxin_session')).toBe(true);
  });

  it('a centre that never decided requires every role; saving makes it a decision', async () => {
    await setCentreMfaRoles(w.deps.db, w.centreId, null);
    // Undecided means every role, the security administrator too: the password alone opens no session.
    expect((await signIn('security_admin')).json()).toMatchObject({ mfa: 'enrol' });
    await setCentreMfaRoles(w.deps.db, w.centreId, []);
    const admin = await asUser(app, w, 'security_admin');
    await setCentreMfaRoles(w.deps.db, w.centreId, null);
    expect((await admin.get('/api/users/mfa-policy')).json()).toEqual({ roles: [...ROLES], undecided: true });
    const all = await put(admin, [...ROLES]);
    expect(all.json()).toEqual({ roles: [...ROLES], undecided: false });
    const row = await w.deps.db
      .selectFrom('centres')
      .select('mfa_required_roles')
      .where('id', '=', w.centreId)
      .executeTakeFirst();
    expect(row?.mfa_required_roles).toEqual([...ROLES]);
    await setCentreMfaRoles(w.deps.db, w.centreId, []);
  });

  it('only the security administrator; an unknown role is a 400 naming roles', async () => {
    for (const who of ['admin', 'auditor', 'supervisor'] as const) {
      const client = await asUser(app, w, who);
      expect((await client.get('/api/users/mfa-policy')).statusCode).toBe(403);
      expect((await put(client, [])).statusCode).toBe(403);
    }
    const sec = await asUser(app, w, 'security_admin');
    const bad = await put(sec, ['root']);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('roles');
  });
});
