import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/users/password-policy.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const policy = { passwordMinLength: 8, passwordMaxAgeDays: 0 };

describe('password policy (issue 15): length, classes, not the username, not common', () => {
  it('says why a password is refused', () => {
    expect(passwordProblem('Ab1!', 'liming', policy)).toBe('password.tooShort');
    expect(passwordProblem('alllowercase1', 'liming', policy)).toBe('password.classes');
    expect(passwordProblem('LiMing@2025', 'liming', policy)).toBe('password.username');
    expect(passwordProblem('P@ssw0rd', 'liming', policy)).toBe('password.common');
    expect(passwordProblem('Admin@123', 'liming', policy)).toBe('password.common');
    expect(passwordProblem('1qaz@WSX', 'liming', policy)).toBe('password.common');
    expect(passwordProblem('Gr8-Kumiss-Steppe', 'liming', policy)).toBeNull();
    expect(passwordProblem('Gr8-Kumiss', 'liming', { ...policy, passwordMinLength: 12 })).toBe('password.tooShort');
  });
});

describe('accounts and self-service change over HTTP', () => {
  const { w, app } = useApp();
  const change = (body: object) => app.inject({ method: 'POST', url: '/api/auth/password', payload: body });

  it('the security administrator cannot set a password outside the policy; the words name the rule', async () => {
    const sec = await asUser(app, w, 'security_admin');
    const base = { displayName: '政策测试', unitId: w.units.centre.id, roles: ['operator'] };
    const short = await sec.post('/api/users', { ...base, username: 'pol1', password: 'Ab1!xy' });
    expect(short.json().error.field).toContain('password');
    const tries: [string, string, string][] = [
      ['pol2', 'alllowercase1', '三类'],
      ['polly', 'Polly@2025x', '用户名'],
      ['pol4', 'P@ssw0rd', '太常见'],
    ];
    for (const [username, password, words] of tries) {
      const res = await sec.post('/api/users', { ...base, username, password });
      expect(`${username}:${res.statusCode}`).toBe(`${username}:400`);
      expect(res.json().error.field).toBe('password');
      expect(res.json().error.message).toContain(words);
    }
    expect((await sec.post('/api/users', { ...base, username: 'pol5', password: 'Gr8-Kumiss-Steppe' })).statusCode).toBe(201);
    const reset = await sec.post(`/api/users/${w.actors.analyst.userId}/password`, { password: 'Password123' });
    expect(reset.statusCode).toBe(400);
  });

  it('a user changes their own password: the current one is checked, the policy holds, sessions end, audited', async () => {
    const session = await asUser(app, w, 'leader');
    const username = w.usernames.leader;
    expect((await change({ username, currentPassword: 'wrong-one', newPassword: 'Gr8-Kumiss-Steppe' })).statusCode).toBe(401);
    const same = await change({ username, currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.statusCode).toBe(400);
    const weak = await change({ username, currentPassword: TEST_PASSWORD, newPassword: 'qwerty123' });
    expect(weak.json().error).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const ok = await change({ username, currentPassword: TEST_PASSWORD, newPassword: 'Gr8-Kumiss-Steppe' });
    expect(ok.statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const signIn = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('Gr8-Kumiss-Steppe')).statusCode).toBe(200);
    const row = await w.deps.db
      .selectFrom('pii_access_log')
      .select('user_id')
      .where('purpose', '=', 'auth.password.changed')
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(w.actors.leader.userId);
  });
});

describe('password expiry and the idle timeout (configured)', () => {
  const { w, app } = useApp({ env: { LIANXIN_PASSWORD_MAX_AGE_DAYS: '90', LIANXIN_SESSION_IDLE_MINUTES: '30' } });
  const signIn = (password = TEST_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.usernames.operator, password } });

  it('ends a session unused for 30 minutes; use keeps it alive', async () => {
    const client = await asUser(app, w, 'dispatcher');
    w.clock.advance(20 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    w.clock.advance(20 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    w.clock.advance(31 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a password past its age until it is changed', async () => {
    // The fixture's accounts were made by SQL (the database's clock): their passwords date from the test's now.
    await w.deps.db
      .updateTable('users')
      .set({ password_changed_at: w.clock.now() })
      .where('id', '=', w.actors.operator.userId!)
      .execute();
    expect((await signIn()).statusCode).toBe(200);
    w.clock.advance(91 * 86_400_000);
    const expired = await signIn();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ passwordExpired: true });
    expect(expired.json().error.message).toContain('过期');
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { username: w.usernames.operator, currentPassword: TEST_PASSWORD, newPassword: 'Gr8-Kumiss-Steppe' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await signIn('Gr8-Kumiss-Steppe')).statusCode).toBe(200);
  });
});
