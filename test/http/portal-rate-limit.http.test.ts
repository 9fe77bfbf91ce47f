import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ env: { LIANXIN_PORTAL_SUBMITS_PER_HOUR: '2', LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '3' } });

const appeal = {
  appealType: 'help',
  title: '求助',
  content: '家里老人摔倒需要帮助',
  callerName: '李大爷',
  callerPhone: '13700001111',
};
// A different unknown number each time, so only the per-IP bucket is tested here.
let numbers = 2501010000;
const lookup = (ip: string) =>
  app.inject({
    method: 'POST',
    url: '/api/portal/lookup',
    payload: { orderNo: String(numbers++), code: '123456' },
    remoteAddress: ip,
  });
const submit = (ip: string, payload: object = appeal) =>
  app.inject({ method: 'POST', url: '/api/portal/appeals', payload, remoteAddress: ip });

describe('portal rate limits (per client IP, in the database)', () => {
  it('allows a burst of look-ups, then answers 429 with the wait, per IP, and refills with time', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup('10.1.0.1')).statusCode).toBe(404);
    const limited = await lookup('10.1.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 20 });
    expect(limited.headers['retry-after']).toBe('20');
    expect((await lookup('10.1.0.2')).statusCode).toBe(404);
    w.clock.advance(20_000);
    expect((await lookup('10.1.0.1')).statusCode).toBe(404);
    expect((await lookup('10.1.0.1')).statusCode).toBe(429);
  });

  it('ratings share the look-up bucket, so codes cannot be guessed through them either', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup('10.2.0.1')).statusCode).toBe(404);
    const rating = await app.inject({
      method: 'POST',
      url: '/api/portal/rating',
      payload: { orderNo: String(numbers++), code: '123456', satisfaction: 'satisfied', resolved: true },
      remoteAddress: '10.2.0.1',
    });
    expect(rating.statusCode).toBe(429);
  });

  it('limits submissions per hour, counting refused ones too, before reading the body', async () => {
    expect((await submit('10.3.0.1')).statusCode).toBe(201);
    expect((await submit('10.3.0.1', { ...appeal, title: '' })).statusCode).toBe(400);
    const third = await submit('10.3.0.1');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.retryAfterSeconds).toBe(1800);
    const orders = await w.deps.db.selectFrom('orders').select('id').execute();
    expect(orders).toHaveLength(1);
    w.clock.advance(30 * 60_000);
    expect((await submit('10.3.0.1')).statusCode).toBe(201);
  });

  it('behind a trusted proxy, tells citizens apart by X-Forwarded-For (else all would share the proxy)', async () => {
    const proxied = await buildTestApp(w, { LIANXIN_PORTAL_LOOKUPS_PER_MINUTE: '1', LIANXIN_TRUST_PROXY: '10.9.0.1' });
    const via = (client: string, from = '10.9.0.1') =>
      proxied.inject({
        method: 'POST',
        url: '/api/portal/lookup',
        payload: { orderNo: String(numbers++), code: '123456' },
        remoteAddress: from,
        headers: { 'x-forwarded-for': client },
      });
    try {
      expect((await via('203.0.113.1')).statusCode).toBe(404);
      expect((await via('203.0.113.1')).statusCode).toBe(429);
      expect((await via('203.0.113.2')).statusCode).toBe(404);
      // An untrusted sender cannot pick a fresh address by forging the header.
      expect((await via('203.0.113.3', '10.9.0.66')).statusCode).toBe(404);
      expect((await via('203.0.113.4', '10.9.0.66')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('limits wrong codes for one order number from any number of addresses; the right code is never counted', async () => {
    const ok = await submit('10.4.0.1');
    const { orderNo, queryCode } = ok.json();
    const wrong = queryCode === '000000' ? '000001' : '000000';
    const attempt = (code: string, i: number) =>
      app.inject({ method: 'POST', url: '/api/portal/lookup', payload: { orderNo, code }, remoteAddress: `10.5.${i}.1` });
    for (let i = 0; i < 12; i++) expect((await attempt(queryCode, i)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt(wrong, 100 + i)).statusCode).toBe(404);
    const locked = await attempt(wrong, 200);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.retryAfterSeconds).toBe(360);
    // While locked even the right code waits, or a lucky guess would get through.
    expect((await attempt(queryCode, 201)).statusCode).toBe(429);
    w.clock.advance(360_000);
    expect((await attempt(queryCode, 202)).statusCode).toBe(200);
    expect((await attempt(wrong, 203)).statusCode).toBe(404);
    expect((await attempt(wrong, 204)).statusCode).toBe(429);
  });
});

describe('portal query code lockout per order number (ADR 0173)', () => {
  // Defaults: 20 consecutive wrong codes lock the number for 24 hours (the hourly guess bucket allows 10 an hour).
  const attempt = (orderNo: string, code: string, i: number) =>
    app.inject({ method: 'POST', url: '/api/portal/lookup', payload: { orderNo, code }, remoteAddress: `10.7.${i % 250}.9` });

  // `n` wrong codes, the clock moved on an hour after every 10 so the hourly guess bucket (10/h) refills.
  const wrongCodes = async (orderNo: string, code: string, n: number) => {
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % 10 === 0) w.clock.advance(3600_000);
      expect((await attempt(orderNo, code, i)).statusCode).toBe(404);
    }
    w.clock.advance(3600_000);
  };

  it('20 wrong codes in a row lock the number for 24 h, the right code too; audited; the lock ends by itself', async () => {
    const { orderNo, queryCode } = (await submit('10.6.0.1')).json();
    const wrong = queryCode === '000000' ? '000001' : '000000';
    // 19 wrong, the right one (the count starts again), then 19 more wrong ones: not locked yet.
    await wrongCodes(orderNo, wrong, 19);
    expect((await attempt(orderNo, queryCode, 20)).statusCode).toBe(200);
    await wrongCodes(orderNo, wrong, 19);
    expect((await attempt(orderNo, queryCode, 40)).statusCode).toBe(200);
    await wrongCodes(orderNo, wrong, 20);
    const locked = await attempt(orderNo, queryCode, 70);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('已锁定，请 23 小时后再试');
    expect(locked.json().error.retryAfterSeconds).toBe(23 * 3600);
    // The hourly bucket refilling does not open it: the lock holds for its 24 hours.
    w.clock.advance(22 * 3600_000);
    const still = await attempt(orderNo, queryCode, 71);
    expect(still.statusCode).toBe(429);
    expect(still.json().error.message).toContain('请 1 小时后再试');
    const audit = await w.deps.db
      .selectFrom('pii_access_log')
      .select(['order_id', 'subject', 'detail', 'user_id'])
      .where('purpose', '=', 'portal.code.locked')
      .where('subject', '=', orderNo)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.order_id).not.toBeNull();
    expect(audit[0]!.user_id).toBeNull();
    expect(audit[0]!.detail).toMatchObject({ failures: 20 });
    w.clock.advance(3600_000);
    expect((await attempt(orderNo, queryCode, 72)).statusCode).toBe(200);
  });

  it('an unknown number locks exactly like a real one (the lock tells nothing about which numbers exist)', async () => {
    const ghost = '2599990001';
    await wrongCodes(ghost, '123456', 20);
    const locked = await attempt(ghost, '654321', 120);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.retryAfterSeconds).toBe(23 * 3600);
  });

  it('the number of wrong codes and the hours are settings', async () => {
    const strict = await buildTestApp(w, { LIANXIN_PORTAL_CODE_LOCKOUT_FAILURES: '3', LIANXIN_PORTAL_CODE_LOCKOUT_HOURS: '2' });
    try {
      const { orderNo, queryCode } = (await submit('10.8.0.1')).json();
      const wrong = queryCode === '000000' ? '000001' : '000000';
      const via = (code: string, i: number) =>
        strict.inject({ method: 'POST', url: '/api/portal/lookup', payload: { orderNo, code }, remoteAddress: `10.8.1.${i}` });
      for (let i = 0; i < 3; i++) expect((await via(wrong, i)).statusCode).toBe(404);
      const locked = await via(queryCode, 9);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.retryAfterSeconds).toBe(2 * 3600);
    } finally {
      await strict.close();
    }
  });
});
