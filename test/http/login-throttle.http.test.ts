import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

// Defaults (ADR 0156): 5 failures per account name and 30 per address in 15 minutes; lock at 10.
const { w, app } = useApp();

const signIn = (username: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

const auditRows = (purpose: string, subject: string) =>
  w.deps.db
    .selectFrom('pii_access_log')
    .select(['user_id', 'subject', 'detail', 'order_id'])
    .where('purpose', '=', purpose)
    .where('subject', '=', subject)
    .execute();

describe('sign-in throttling and lockout (issue 15)', () => {
  it('100 wrong passwords: 401 five times, then 429 with Retry-After; the right password is refused too', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await signIn(w.usernames.operator, `wrong-${i}`, '10.0.0.1');
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = res.headers['retry-after'] as string;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
    const right = await signIn(w.usernames.operator, TEST_PASSWORD, '10.0.0.1');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
    // The wait is said in minutes, never as "请 895 秒后再试" (Retry-After keeps the seconds).
    expect(right.json().error.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(right.json().error.messageEn).toBe('Too many failed sign-ins; please try again in 15 min');
    // Failed sign-ins are audit rows naming the username typed (and the address), no order.
    const failed = await auditRows('auth.login.failed', w.usernames.operator);
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({
      user_id: w.actors.operator.userId,
      order_id: null,
      detail: { ip: '10.0.0.1', reason: 'password' },
    });
    expect((await auditRows('auth.login.throttled', w.usernames.operator)).length).toBe(96);
  });

  it('locks the account at 10 consecutive failures: the right password is refused until the security administrator unlocks it', async () => {
    // The operator has 5 failures from the test above; the window runs out, 5 more lock the account.
    w.clock.advance(15 * 60_000 + 1000);
    for (let i = 0; i < 5; i++) expect((await signIn(w.usernames.operator, 'wrong', '10.0.0.2')).statusCode).toBe(401);
    expect(await auditRows('auth.account.locked', w.usernames.operator)).toHaveLength(1);
    w.clock.advance(60 * 60_000);
    const locked = await signIn(w.usernames.operator, TEST_PASSWORD, '10.0.0.3');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.message).toContain('锁定');
    expect(locked.json().error.messageEn).toContain('locked');

    const admin = await asUser(app, w, 'security_admin');
    const list = (await admin.get('/api/users')).json().items as { username: string; locked: boolean }[];
    expect(list.find((u) => u.username === w.usernames.operator)?.locked).toBe(true);
    const unlock = await admin.post(`/api/users/${w.actors.operator.userId}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(await auditRows('admin.user.unlock', w.usernames.operator)).toMatchObject([
      { user_id: w.actors.security_admin.userId },
    ]);
    expect((await admin.post(`/api/users/${w.actors.operator.userId}/unlock`)).statusCode).toBe(409);

    expect((await signIn(w.usernames.operator, TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(200);
    const row = await w.deps.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_at'])
      .where('id', '=', w.actors.operator.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_at: null });
    expect(await auditRows('auth.login', w.usernames.operator)).toHaveLength(1);
  });

  it('throttles one address across account names, unknown names alike; other addresses still sign in', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await signIn(`nobody${i}`, 'wrong', '10.0.0.9');
      expect(res.statusCode).toBe(401);
    }
    const blocked = await signIn(w.usernames.dispatcher, TEST_PASSWORD, '10.0.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await signIn(w.usernames.dispatcher, TEST_PASSWORD, '10.0.0.10')).statusCode).toBe(200);
    // An unknown name is throttled like a real one (429 does not tell which names exist).
    for (let i = 0; i < 5; i++) await signIn('ghost', 'wrong', `10.0.1.${i}`);
    expect((await signIn('ghost', 'wrong', '10.0.2.1')).statusCode).toBe(429);
    expect(await auditRows('auth.login.failed', 'ghost')).toMatchObject([
      { user_id: null, detail: { reason: 'unknown' } },
      {},
      {},
      {},
      {},
    ]);
  });

  it('only the security administrator unlocks, and only accounts of their centre', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    expect((await supervisor.post(`/api/users/${w.actors.operator.userId}/unlock`)).statusCode).toBe(403);
    const systemAdmin = await asUser(app, w, 'admin');
    expect((await systemAdmin.post(`/api/users/${w.actors.operator.userId}/unlock`)).statusCode).toBe(403);
    const admin = await asUser(app, w, 'security_admin');
    expect((await admin.post(`/api/users/00000000-0000-4000-8000-000000000000/unlock`)).statusCode).toBe(404);
  });
});
