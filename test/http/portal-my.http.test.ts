import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { buildApp } from '../../src/http/app.js';
import { OTP_RULES } from '../../src/portal/portal-otp.service.js';
import { buildTestApp } from '../helpers/http.js';
import { useWorld } from '../helpers/use-world.js';

// Issue 13, ADR 0104: "my appeals" by a one-time code, read here from the server log as a developer would.
const { w } = useWorld();
const logLines: string[] = [];
let app: FastifyInstance;
let appWithoutOtp: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({
    LIANXIN_DATA_DIR: w.deps.dataDir,
    LIANXIN_DEV_LOG_OTP: '1',
    LIANXIN_PORTAL_SUBMITS_PER_HOUR: '1000',
  });
  const stream = { write: (line: string) => void logLines.push(line) };
  app = await buildApp({ deps: { ...w.deps, settings: domainSettings(config) }, config }, { logger: { level: 'warn', stream } });
  appWithoutOtp = await buildTestApp(w);
});
afterAll(async () => {
  await app?.close();
  await appWithoutOtp?.close();
});

let ip = 1;
const post = (url: string, payload: object, remoteAddress = `10.1.0.${ip}`) =>
  app.inject({ method: 'POST', url, payload, remoteAddress });
/** The code of the newest log line for this masked phone, as the developer reads it. */
const codeFromLog = () => {
  const line = [...logLines].reverse().find((l) => l.includes('LIANXIN_DEV_LOG_OTP'));
  return (JSON.parse(line!) as { devOtp: string }).devOtp;
};
const submit = (phone: string, title: string) =>
  post('/api/portal/appeals', { appealType: 'help', title, content: '详细情况', callerName: '李桂兰', callerPhone: phone });

describe('portal: my appeals by a one-time code', () => {
  it('lists every appeal of the phone, with query codes, after the code from the log; the code works once', async () => {
    ip = 2;
    expect((await submit('139 0000 1111', '第一件事')).statusCode).toBe(201);
    expect((await submit('13900001111', '第二件事')).statusCode).toBe(201);
    expect((await submit('13900002222', '别人的事')).statusCode).toBe(201);
    const sent = await post('/api/portal/otp', { phone: '+86 139-0000-1111' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ expiresInMinutes: OTP_RULES.ttlMinutes });
    expect(sent.body).not.toMatch(/\d{6}/);
    const code = codeFromLog();
    expect(logLines.at(-1)).toContain('139****1111');

    const stored = await w.deps.db.selectFrom('portal_otp_codes').selectAll().where('phone', '=', '13900001111').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].code_hash).not.toContain(code);

    const mine = await post('/api/portal/my', { phone: '13900001111', code });
    expect(mine.statusCode).toBe(200);
    const titles = mine.json().appeals.map((a: { title: string }) => a.title);
    expect(titles).toEqual(['第二件事', '第一件事']);
    const first = mine.json().appeals[0];
    expect((await post('/api/portal/lookup', { orderNo: first.orderNo, code: first.queryCode })).statusCode).toBe(200);

    const again = await post('/api/portal/my', { phone: '13900001111', code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.field).toBe('code');
  });

  it(`kills a code after ${OTP_RULES.maxAttempts} wrong attempts; wrong, expired and unknown all answer 400 on code`, async () => {
    ip = 3;
    await post('/api/portal/otp', { phone: '13900003333' });
    const code = codeFromLog();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < OTP_RULES.maxAttempts; i++) {
      const res = await post('/api/portal/my', { phone: '13900003333', code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('code');
    }
    expect((await post('/api/portal/my', { phone: '13900003333', code })).statusCode).toBe(400);
  });

  it('limits codes per phone and per address (429 with retry-after)', async () => {
    ip = 4;
    for (let i = 0; i < OTP_RULES.perPhonePerHour; i++)
      expect((await post('/api/portal/otp', { phone: '13900004444' })).statusCode).toBe(200);
    const limited = await post('/api/portal/otp', { phone: '13900004444' }, '10.1.0.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    for (let i = 0; i < OTP_RULES.perIpPerHour - OTP_RULES.perPhonePerHour; i++) {
      expect((await post('/api/portal/otp', { phone: `1390001${String(i).padStart(4, '0')}` })).statusCode).toBe(200);
    }
    expect((await post('/api/portal/otp', { phone: '13900009999' })).statusCode).toBe(429);
  });

  it('refuses a malformed phone or code with 400 naming the field', async () => {
    const a = await post('/api/portal/otp', { phone: '<b>' });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.field).toBe('body.phone');
    const b = await post('/api/portal/my', { phone: '13900001111', code: '12ab' });
    expect(b.json().error.field).toBe('body.code');
  });

  it('is unavailable (503) with neither an SMS gateway nor the development setting', async () => {
    const res = await appWithoutOtp.inject({ method: 'POST', url: '/api/portal/otp', payload: { phone: '13900001111' } });
    expect(res.statusCode).toBe(503);
    expect((await appWithoutOtp.inject({ method: 'GET', url: '/api/portal/info' })).json().myAppeals).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/portal/info' })).json().myAppeals).toBe(true);
  });
});
