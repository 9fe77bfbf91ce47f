import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import type { CitizenNoticeListView } from '../../src/contract/citizen-notices.js';
import { buildApp } from '../../src/http/app.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { startSmsGateway } from '../helpers/notice-gateways.js';
import { useWorld } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

// Issue 16: a portal code is for the citizen only. The staff outbox page never shows it, whatever the
// record's state (queued, failed), except the development setting's held code (未配置短信通道, ADR 0104).
const { database, w } = useWorld();
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let app: FastifyInstance; // SMS through the loopback gateway
let dev: FastifyInstance; // no SMS channel, LIANXIN_DEV_LOG_OTP=1
let env: Record<string, string>;
const devEnv = { LIANXIN_DEV_LOG_OTP: '1', LIANXIN_PORTAL_CENTRE: '' };
const logLines: string[] = [];

beforeAll(async () => {
  gateway = await startSmsGateway();
  env = {
    LIANXIN_SMS_PROVIDER: 'http',
    LIANXIN_SMS_URL: gateway.url,
    LIANXIN_SMS_SECRET: 'x'.repeat(24),
    LIANXIN_PORTAL_CENTRE: '',
  };
  app = await buildTestApp(w, env);
  const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir, LIANXIN_SESSION_IDLE_MINUTES: '0', ...devEnv });
  const stream = { write: (line: string) => void logLines.push(line) };
  dev = await buildApp({ deps: { ...w.deps, settings: domainSettings(config) }, config }, { logger: { level: 'warn', stream } });
});
afterAll(async () => {
  await app?.close();
  await dev?.close();
  await gateway?.close();
});

const ask = (a: FastifyInstance, phone: string, ip: string) =>
  a.inject({ method: 'POST', url: '/api/portal/otp', payload: { phone }, remoteAddress: ip });
const otpNotice = (phone: string) =>
  database.db
    .selectFrom('citizen_notices')
    .select(['id', 'body', 'status'])
    .where('event', '=', 'otp')
    .where('recipient', '=', phone)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const staffBody = async (a: FastifyInstance, id: number) => {
  const supervisor = await asUser(a, w, 'supervisor');
  const res = await supervisor.get('/api/citizen-notices?limit=500');
  expect(res.statusCode).toBe(200);
  return res.json<CitizenNoticeListView>().items.find((i) => i.id === id)!.body;
};

describe('citizen notices: secrets on the staff outbox page', () => {
  it('never shows a queued code, nor a failed one, and blanks the failed one in the record', async () => {
    const phone = '13700000091';
    expect((await ask(app, phone, '10.9.1.1')).statusCode).toBe(200);
    // Composed, not yet sent: the record must keep the code for the sender, the page must not show it.
    await drainOutbox(workerDeps(w.deps, env), { handlers: outboxHandlers, topics: ['citizen.event'] });
    const queued = await otpNotice(phone);
    expect(queued.status).toBe('queued');
    const code = /\d{6}/.exec(queued.body)![0];
    const shownQueued = await staffBody(app, queued.id);
    expect(shownQueued).not.toContain(code);
    expect(shownQueued).toContain('******');

    // The gateway refuses it for good (a 4xx): failed, the code gone from the record as well.
    gateway.state.failNext = 1;
    gateway.state.failStatus = 400;
    await drainOutbox(workerDeps(w.deps, env), { handlers: outboxHandlers });
    gateway.state.failStatus = 503;
    const failed = await otpNotice(phone);
    expect(failed.status).toBe('failed');
    expect(failed.body).not.toContain(code);
    expect(await staffBody(app, failed.id)).not.toContain(code);
  });

  it('keeps the development setting working: the held code is in the log and on the outbox page', async () => {
    const phone = '13700000092';
    expect((await ask(dev, phone, '10.9.1.2')).statusCode).toBe(200);
    await drainOutbox(workerDeps(w.deps, devEnv), { handlers: outboxHandlers });
    const line = logLines.findLast((l) => l.includes('LIANXIN_DEV_LOG_OTP'))!;
    const code = (JSON.parse(line) as { devOtp: string }).devOtp;
    const held = await otpNotice(phone);
    expect(held.status).toBe('held');
    expect(await staffBody(dev, held.id)).toContain(code);
    // The same held record read by a server without the development setting: blanked.
    expect(await staffBody(app, held.id)).not.toContain(code);
  });
});
