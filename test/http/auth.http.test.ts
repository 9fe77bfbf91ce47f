import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

describe('sign-in and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and stores only a hash of the token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.usernames.operator, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lianxin_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const stored = await w.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password or an unknown user with the same answer', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.usernames.operator, password: 'nope-nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('answers 401 on the API without a session, before looking at the input', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/orders', payload: {} });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('登录');
  });

  it('tells who is signed in, and forgets the session at logout', async () => {
    const client = await asUser(app, w, 'unit_handler');
    const me = await client.get('/api/auth/me');
    expect(me.json()).toMatchObject({ roles: ['unit_handler'], unitId: w.units.deptA1.id });
    await client.post('/api/auth/logout');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('accepts a bearer token for API clients', async () => {
    const client = await asUser(app, w, 'dispatcher');
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${client.token}` } });
    expect(res.statusCode).toBe(200);
  });

  it('expires sessions after the configured hours', async () => {
    const client = await asUser(app, w, 'leader');
    w.clock.advance(13 * 3600_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('system endpoints', () => {
  it('answers health and publishes an OpenAPI document with the order actions', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    // Not public unless configured (LIANXIN_API_DOCS; test/http/browser-protections.http.test.ts): staff read it.
    const staff = await asUser(app, w, 'operator');
    const doc = (await staff.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/orders/{id}/actions/dispatch');
    expect(doc.paths['/api/orders'].post.requestBody).toBeDefined();
  });
});
