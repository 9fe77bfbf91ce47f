import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { setCentreMfaRoles } from '../../src/users/totp.repository.js';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

/** The operator's enrolment in the first test, used by the next ones (a file's tests run in order). */
let enrolled: { secret: string; recoveryCodes: string[]; cookie?: string };

const codeNow = (secret: string) => authenticator.clone({ epoch: w.clock.now().getTime() }).generate(secret);
const post = (url: string, payload: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
const signIn = (who: keyof typeof w.usernames) =>
  post('/api/auth/login', { username: w.usernames[who], password: TEST_PASSWORD });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'lianxin_session')?.value;

/** Signs `who` in through enrolment (the centre requires it): answers the secret and the recovery codes. */
async function enrol(who: keyof typeof w.usernames) {
  const first = await signIn(who);
  expect(first.json()).toMatchObject({ mfa: 'enrol' });
  const challenge = first.json().challenge as string;
  const started = await post('/api/auth/totp/enrol', { challenge });
  expect(started.statusCode).toBe(200);
  const { secret, qrDataUrl, otpauthUrl } = started.json();
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(otpauthUrl).toContain(`secret=${secret}`);
  const wrong = await post('/api/auth/totp/enrol/confirm', {
    challenge,
    code: '000000' === codeNow(secret) ? '111111' : '000000',
  });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.json().error.field).toBe('code');
  const done = await post('/api/auth/totp/enrol/confirm', { challenge, code: codeNow(secret) });
  expect(done.statusCode).toBe(200);
  return { secret, recoveryCodes: done.json().recoveryCodes as string[], cookie: cookieOf(done) };
}

describe('TOTP two-factor sign-in (RFC 6238, ADR 0156)', () => {
  it('a role the centre marks must enrol at sign-in (QR code), then signs in with password + code; a code works once', async () => {
    await setCentreMfaRoles(w.deps.db, w.centreId, ['operator']);
    // A role the centre does not mark signs in with the password alone.
    expect(cookieOf(await signIn('dispatcher'))).toBeDefined();

    const first = await signIn('operator');
    expect(first.statusCode).toBe(200);
    expect(cookieOf(first)).toBeUndefined(); // no session before the second step
    enrolled = await enrol('operator');
    const { secret, recoveryCodes, cookie } = enrolled;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `lianxin_session=${cookie}` } });
    expect(me.statusCode).toBe(200);
    // Recovery codes are kept as hashes only.
    const stored = await w.deps.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', w.actors.operator.userId!)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);

    // Next sign-in in the same 30-s step as the enrolment: its code is taken once (the enrolment did
    // not use the step up), then it is used; the next step's code works.
    const sameStep = await signIn('operator');
    expect(sameStep.json()).toMatchObject({ mfa: 'totp' });
    const once = await post('/api/auth/totp', { challenge: sameStep.json().challenge, code: codeNow(secret) });
    expect(once.statusCode).toBe(200);
    expect(cookieOf(once)).toBeDefined();
    const again = await signIn('operator');
    expect(again.json()).toMatchObject({ mfa: 'totp' });
    const replay = await post('/api/auth/totp', { challenge: again.json().challenge, code: codeNow(secret) });
    expect(replay.statusCode).toBe(401);
    w.clock.advance(30_000);
    const ok = await post('/api/auth/totp', { challenge: again.json().challenge, code: codeNow(secret) });
    expect(ok.statusCode).toBe(200);
    expect(cookieOf(ok)).toBeDefined();
    expect(ok.headers['cache-control']).toBe('no-store');
    // The challenge is spent.
    w.clock.advance(30_000);
    expect((await post('/api/auth/totp', { challenge: again.json().challenge, code: codeNow(secret) })).statusCode).toBe(401);
  });

  it('a recovery code signs in once; challenges expire and allow five tries', async () => {
    const [recovery] = enrolled.recoveryCodes;
    const a = (await signIn('operator')).json().challenge;
    expect((await post('/api/auth/totp', { challenge: a, recoveryCode: recovery })).statusCode).toBe(200);
    const b = (await signIn('operator')).json().challenge;
    expect((await post('/api/auth/totp', { challenge: b, recoveryCode: recovery })).statusCode).toBe(401);
    const c = (await signIn('operator')).json().challenge;
    w.clock.advance(6 * 60_000);
    const late = await post('/api/auth/totp', { challenge: c, code: codeNow(enrolled.secret) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.message).toContain('过期');
    const d = (await signIn('operator')).json().challenge;
    for (let i = 0; i < 5; i++) await post('/api/auth/totp', { challenge: d, code: '000001' });
    w.clock.advance(30_000);
    expect((await post('/api/auth/totp', { challenge: d, code: codeNow(enrolled.secret) })).statusCode).toBe(401);
    // Wrong codes count like wrong passwords: the name's throttle is used up (429) until its window ends.
    expect((await signIn('operator')).statusCode).toBe(429);
    w.clock.advance(15 * 60_000);
    const e = (await signIn('operator')).json().challenge;
    const session = await post('/api/auth/totp', { challenge: e, code: codeNow(enrolled.secret) });
    const cookie = `lianxin_session=${cookieOf(session)}`;
    const mine = (await app.inject({ url: '/api/me/security', headers: { cookie } })).json();
    expect(mine).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 9 });
    expect(mine.signIns.map((s: { outcome: string }) => s.outcome)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login.failed']),
    );
  });

  it('the security administrator resets a lost second factor (audited): sessions end, the user enrols again', async () => {
    const operator = await asUser(app, w, 'dispatcher'); // not the operator: its sessions are checked below
    const opSession = enrolled.cookie;
    expect((await operator.post(`/api/users/${w.actors.operator.userId}/totp/reset`)).statusCode).toBe(403);
    const sys = await asUser(app, w, 'admin');
    expect((await sys.post(`/api/users/${w.actors.operator.userId}/totp/reset`)).statusCode).toBe(403);
    const sec = await asUser(app, w, 'security_admin');
    expect((await sec.post(`/api/users/${w.actors.security_admin.userId}/totp/reset`)).statusCode).toBe(403);
    const reset = await sec.post(`/api/users/${w.actors.operator.userId}/totp/reset`);
    expect(reset.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: `lianxin_session=${opSession}` } })).statusCode).toBe(401);
    const row = await w.deps.db
      .selectFrom('pii_access_log')
      .select(['user_id', 'subject'])
      .where('purpose', '=', 'admin.user.totp.reset')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: w.actors.security_admin.userId, subject: w.usernames.operator });
    expect((await signIn('operator')).json()).toMatchObject({ mfa: 'enrol' });
  });

  it('a new centre requires it of every role (null rule); an optional user may enrol on their own', async () => {
    await setCentreMfaRoles(w.deps.db, w.centreId, null);
    expect((await signIn('leader')).json()).toMatchObject({ mfa: 'enrol' });
    await setCentreMfaRoles(w.deps.db, w.centreId, []);
    const analyst = await asUser(app, w, 'analyst');
    const started = await analyst.post('/api/auth/totp/enrol', {});
    expect(started.statusCode).toBe(200);
    const done = await analyst.post('/api/auth/totp/enrol/confirm', { code: codeNow(started.json().secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect((await signIn('analyst')).json()).toMatchObject({ mfa: 'totp' });
    // Without a session or challenge there is nothing to enrol.
    expect((await post('/api/auth/totp/enrol', {})).statusCode).toBe(401);
  });
});
