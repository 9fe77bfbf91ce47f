import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { acceptOrder } from '../src/orders/order-intake.service.js';
import { closeNoticeProviders } from '../src/notifications/providers/registry.js';
import { generateKeyData, PiiKeyring } from '../src/shared/pii-keyring.js';
import { drainOutbox } from '../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../src/worker/outbox-topics.js';
import { startWorker } from '../src/worker/worker.js';
import { buildWorld, type World } from '../test/helpers/fixtures.js';
import { workerDeps } from '../test/helpers/worker.js';
import { fmt, freshBenchDatabase, percentile, serverAvailable } from './bench-db.js';
import type { GatewayArrivals, GatewayAsk, GatewayReady } from './notice-gateways.child.js';
import type { BenchSection } from './run.js';

/**
 * Citizen notices (issue 16): receipts through the real path — intake commits the order with its
 * `citizen.event`, the worker's outbox loop composes the delivery records and sends them through the
 * HTTP SMS adapter and nodemailer — to an SMS gateway and an SMTP server on loopback, in a process of
 * their own (the tests' servers). Two runs per database: a stream of appeals at a steady rate
 * (latency from the intake's commit to the message's arrival, all the worker does for an intake
 * included) and a backlog of 1,000 composed receipts waiting for the sender (its throughput). Baseline
 * in the same run: 1,000 requests of the same shape POSTed straight to the gateway, 16 at a time (the
 * sender's lanes), no lianxin.
 */
const NOTICES = 1_000;
/** Every fifth caller also left an e-mail: the receipt goes by mail too. */
const EMAIL_EVERY = 5;
/** A busy centre's peak is a few appeals a second; the stream offers several times that. */
const STREAM_PER_SECOND = 10;
const LANES = 16;

const now = () => performance.timeOrigin + performance.now();
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: +fmt(percentile(sorted, 50), 1), p95: +fmt(percentile(sorted, 95), 1), max: +fmt(sorted.at(-1) ?? NaN, 1) };
};

/** The gateways' process: its address, and the arrivals it has seen (key → epoch ms). */
async function gateways() {
  const child: ChildProcess = fork(fileURLToPath(new URL('./notice-gateways.child.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
  });
  const ready = await new Promise<GatewayReady>((resolve) => child.once('message', (m) => resolve(m as GatewayReady)));
  const sms = new Map<string, number>();
  const mail = new Map<string, number>();
  let last: GatewayArrivals | undefined;
  const poll = async () => {
    const answer = new Promise<GatewayArrivals>((resolve) => child.once('message', (m) => resolve(m as GatewayArrivals)));
    child.send({ kind: 'arrivals' } satisfies GatewayAsk);
    last = await answer;
    for (const [k, at] of last.sms) if (!sms.has(k)) sms.set(k, at);
    for (const [k, at] of last.mail) if (!mail.has(k)) mail.set(k, at);
  };
  return {
    url: ready.url,
    smtpPort: ready.smtpPort,
    sms,
    mail,
    /** Waits until every key has arrived. */
    async until(smsKeys: string[], mailKeys: string[], timeoutMs = 600_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        await poll();
        if (smsKeys.every((k) => sms.has(k)) && mailKeys.every((k) => mail.has(k))) return last!;
        if (performance.now() > deadline) throw new Error(`notices missing after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ kind: 'close' }))),
  };
}

/** The adapter's request, POSTed straight to the gateway, LANES at a time: what the wire costs. */
async function baseline(url: string) {
  const ms: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < NOTICES) {
      const i = next++;
      const t = performance.now();
      const body = JSON.stringify({
        to: `1390000${String(i).padStart(4, '0')}`,
        text: '【测试热线中心】您的诉求已受理',
        key: `raw:${i}`,
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `raw:${i}` },
        body,
      });
      await res.text();
      ms.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return { perSecond: Math.round(NOTICES / ((performance.now() - t0) / 1000)), latencyMs: summary(ms) };
}

/** One intake per caller; answers the order and its commit time (epoch ms, after the commit). */
async function intake(w: World, batch: 'stream' | 'backlog', i: number) {
  const order = await acceptOrder(w.deps, w.actors.operator, {
    channel: 'phone',
    appealType: 'consult',
    priority: 3,
    title: `咨询事项${batch}${i}`,
    content: `来电咨询第${i}件事项的办理流程和所需材料（${batch}）。`,
    callerPhone: `13${batch === 'stream' ? '5' : '6'}${String(i).padStart(9, '0')}`,
    ...(i % EMAIL_EVERY === 0 ? { citizenContact: { email: `caller${i}.${batch}@example.org` } } : {}),
  });
  return { id: order.id, committed: now() };
}

const keysOf = (orders: { id: string }[]) => ({
  sms: orders.map((o) => `${o.id}:accepted:sms`),
  mail: orders.filter((_, i) => i % EMAIL_EVERY === 0).map((o) => `${o.id}:accepted:email`),
});

async function benchOn(kind: 'pglite' | 'postgres') {
  const keyData = generateKeyData(new Date('2026-01-01T00:00:00Z'));
  const database = await freshBenchDatabase(kind, 'lianxin_bench_notices', undefined, new PiiKeyring(keyData, () => keyData));
  const gw = await gateways();
  // 10:00 in the centre's day (no quiet hours); the provider's rate limit set above the target.
  const w = await buildWorld(database, '2025-03-03T02:00:00Z');
  const deps = workerDeps(w.deps, {
    LIANXIN_SMS_PROVIDER: 'http',
    LIANXIN_SMS_URL: gw.url,
    LIANXIN_SMS_RATE_PER_SECOND: '1000',
    LIANXIN_SMTP_URL: `smtp://127.0.0.1:${gw.smtpPort}/?ignoreTLS=true`,
    LIANXIN_MAIL_RATE_PER_SECOND: '1000',
  });
  try {
    const raw = await baseline(gw.url);

    // Stream: appeals at a steady rate while the worker runs (its outbox loop; 1 s poll when idle).
    let worker = startWorker(deps, { jobs: [], pollMs: deps.config.workerPollMs });
    const stream: { id: string; committed: number }[] = [];
    const t0 = performance.now();
    for (let i = 0; i < NOTICES; i++) {
      const wait = t0 + (i * 1000) / STREAM_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      stream.push(await intake(w, 'stream', i));
    }
    const offered = NOTICES / ((performance.now() - t0) / 1000);
    const streamKeys = keysOf(stream);
    await gw.until(streamKeys.sms, streamKeys.mail);
    await worker.stop();
    const smsLatency = stream.map((o, i) => gw.sms.get(streamKeys.sms[i]!)! - o.committed);
    const mailed = stream.filter((_, i) => i % EMAIL_EVERY === 0);
    const mailLatency = mailed.map((o, j) => gw.mail.get(streamKeys.mail[j]!)! - o.committed);

    // Backlog: 1,000 receipts committed and composed (queued with their citizen.send messages) while
    // the sender was away; then one worker sends them all.
    const backlog: { id: string }[] = [];
    for (let i = 0; i < NOTICES; i++) backlog.push(await intake(w, 'backlog', i));
    const composeTopics = outboxHandlers.map((h) => h.topic).filter((t) => t !== 'citizen.send');
    await drainOutbox(deps, { handlers: outboxHandlers, topics: composeTopics, maxBatches: 1000 });
    const backlogKeys = keysOf(backlog);
    const b0 = now();
    worker = startWorker(deps, { jobs: [], pollMs: deps.config.workerPollMs });
    const wire = await gw.until(backlogKeys.sms, backlogKeys.mail);
    await worker.stop();
    const lastSms = Math.max(...backlogKeys.sms.map((k) => gw.sms.get(k)!));
    const lastMail = Math.max(...backlogKeys.mail.map((k) => gw.mail.get(k)!));
    const smsPerSecond = Math.round(NOTICES / ((lastSms - b0) / 1000));

    console.log(
      JSON.stringify({
        kind,
        notices: { sms: NOTICES, email: NOTICES / EMAIL_EVERY },
        stream: {
          offeredPerSecond: +fmt(offered, 0),
          smsCommitToArrivalMs: summary(smsLatency),
          mailCommitToArrivalMs: summary(mailLatency),
        },
        backlog: {
          smsPerSecond,
          mailPerSecond: Math.round(backlogKeys.mail.length / ((lastMail - b0) / 1000)),
          allSentSeconds: +fmt((Math.max(lastSms, lastMail) - b0) / 1000, 1),
        },
        baselineRawPostsPerSecond: raw.perSecond,
        baselineRawPostMs: raw.latencyMs,
        ratioToBaseline: +fmt(raw.perSecond / smsPerSecond, 1),
        // Every SMS request carried a key of its own: none went out twice.
        smsRequests: wire.smsRequests,
        distinctKeys: wire.smsKeys,
        workerPollMs: deps.config.workerPollMs,
        loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
      }),
    );
  } finally {
    closeNoticeProviders(deps.config.notices);
    await gw.close();
    await database.close();
  }
}

export const noticesBench: BenchSection = {
  name: 'notices',
  description: `citizen notices: ${NOTICES} SMS receipts (every ${EMAIL_EVERY}th by mail too) through the outbox and worker to loopback gateways in their own process — commit-to-arrival latency at ${STREAM_PER_SECOND}/s, the sender's backlog throughput, against raw POSTs`,
  run: async () => {
    await benchOn('pglite');
    if (await serverAvailable()) await benchOn('postgres');
    else console.log('postgres: skipped (no server at BENCH_DATABASE_URL)');
  },
};
