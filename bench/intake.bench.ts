import { composeDeps } from '../src/composition.js';
import { domainSettings } from '../src/config/domain-settings.js';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { setCentreMfaRoles } from '../src/users/totp.repository.js';
import { systemClock } from '../src/shared/clock.js';
import { hashPassword } from '../src/users/password.js';
import { insertUser } from '../src/users/user.repository.js';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, freshBenchDatabase, percentile, serverAvailable } from './bench-db.js';
import type { ClientJob, ClientResult } from './intake-client.js';
import { body, closedLoop, intakeSender, openLoop } from './intake-load.js';
import type { BenchSection } from './run.js';
import { PiiColumnsPlugin } from '../src/db/pii-columns.plugin.js';
import { PiiKeyring } from '../src/shared/pii-keyring.js';
import { dispatchOutboxBatch } from '../src/worker/outbox-dispatcher.service.js';
import { DUPLICATE_DETECT_TOPIC, duplicateDetectHandler } from '../src/duplicates/duplicate-detect.hook.js';

const CLIENTS = 16;
const SECONDS = 5;
const OPEN_LOOP_RATE = 200;
/** Closed-loop rounds (raw, API, raw, API, …) over the SECONDS of each. */
const ROUNDS = 3;

async function setup(database: Database) {
  const centre = await insertCentre(database.db, { code: 'bench', name: '压测中心' });
  // A new centre requires two-factor sign-in of every role (ADR 0156); the bench signs in by password.
  await setCentreMfaRoles(database.db, centre.id, []);
  const unit = await insertUnit(database.db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'U0',
    name: '中心',
    kind: 'centre',
  });
  await insertUser(database.db, {
    centreId: centre.id,
    unitId: unit.id,
    username: 'bench_operator',
    displayName: '压测话务员',
    passwordHash: await hashPassword('Bench@12345'),
    roles: ['operator'],
  });
  return centre.id;
}

/** The same rows the intake service writes, as plain SQL in one transaction: the ceiling. */
function rawInsert(database: Database, centreId: string) {
  return async (i: number) => {
    await database.db.transaction().execute(async (tx) => {
      const seq = await sql<{
        last_value: number;
      }>`insert into order_number_counters (centre_id, day, last_value) values (${centreId}, 'raw', 1)
        on conflict (centre_id, day) do update set last_value = order_number_counters.last_value + 1 returning last_value`.execute(
        tx,
      );
      const b = body(i);
      const at = new Date();
      const o = await sql<{
        id: string;
      }>`insert into orders (centre_id, order_no, query_code, channel, appeal_type, priority, title, content, caller_name, caller_phone, state, accepted_at, updated_at)
        values (${centreId}, ${'R' + seq.rows[0].last_value}, '000000', ${b.channel}, ${b.appealType}, ${b.priority}, ${b.title}, ${b.content}, ${b.callerName}, ${b.callerPhone}, 'accepted', ${at}, ${at}) returning id`.execute(
        tx,
      );
      await sql`insert into order_events (order_id, centre_id, action, to_state, at, payload) values (${o.rows[0].id}, ${centreId}, 'accept', 'accepted', ${at}, '{}')`.execute(
        tx,
      );
      await sql`insert into outbox (topic, payload, created_at, available_at) values ('order.accepted', ${JSON.stringify({ orderId: o.rows[0].id })}, ${at}, ${at})`.execute(
        tx,
      );
    });
  };
}

/** `disk`: PGlite in a directory, with durable commits (fsync) or not; else PGlite in memory. */
/**
 * Intake through the API with the timeline's chain trigger on and off, alternating rounds (so the
 * machine's load drifts over both alike): what the tamper-evident chain costs.
 */
async function chainCost(database: Database, api: (first: number) => Promise<{ sorted: number[]; perSecond: number }>) {
  const trigger = (on: boolean) =>
    sql.raw(`alter table order_events ${on ? 'enable' : 'disable'} trigger zz_audit_chain`).execute(database.db);
  const totals = { on: { n: 0, s: 0 }, off: { n: 0, s: 0 } };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const on of [false, true]) {
        await trigger(on);
        const r = await api(3_000_000 + round * 100_000 + (on ? 50_000 : 0));
        totals[on ? 'on' : 'off'].n += r.sorted.length;
        totals[on ? 'on' : 'off'].s += r.sorted.length / r.perSecond;
      }
    }
  } finally {
    await trigger(true);
  }
  return { on: totals.on.n / totals.on.s, off: totals.off.n / totals.off.s };
}

/**
 * Intake through the API with personal data sealed (AES-256-GCM + blind index, ADR 0170; as the server
 * runs) and without (a second server on the same database without the keys), alternating rounds: what
 * sealing costs.
 */
async function sealingCost(api: (target: 'sealed' | 'plain', first: number) => Promise<{ sorted: number[]; perSecond: number }>) {
  const totals = { sealed: { n: 0, s: 0 }, plain: { n: 0, s: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of ['plain', 'sealed'] as const) {
      const r = await api(target, 4_000_000 + round * 100_000 + (target === 'sealed' ? 50_000 : 0));
      totals[target].n += r.sorted.length;
      totals[target].s += r.sorted.length / r.perSecond;
    }
  }
  return { sealed: totals.sealed.n / totals.sealed.s, plain: totals.plain.n / totals.plain.s };
}

/** CPU of sealing one order's personal data alone: name, phone and address sealed, phone and address indexed, and opened again. */
function sealingCpuPerOrder(): number {
  const keyring = PiiKeyring.generate();
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const b = body(i);
    const sealed = [b.callerName, b.callerPhone, `锡林浩特市额尔敦路${i}号`].map((v) => keyring.seal(String(v)));
    keyring.blindIndex('phone', String(b.callerPhone));
    keyring.blindIndex('address', `锡林浩特市额尔敦路${i}号`);
    sealed.forEach((v) => keyring.open(v));
  }
  return (performance.now() - start) / n;
}

async function listening(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function benchBackend(kind: 'postgres' | 'pglite', disk?: { fsync: boolean }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
  const database = await freshBenchDatabase(
    kind,
    'lianxin_bench_intake',
    disk ? { dir: path.join(dataDir, 'pgdata'), fsync: disk.fsync } : undefined,
  );
  const label = disk ? `${kind} on disk, fsync ${disk.fsync ? 'on' : 'off'}` : kind === 'pglite' ? 'pglite in memory' : kind;
  console.log(
    `-- ${label} (load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  try {
    const centreId = await setup(database);
    const config = loadConfig({ LIANXIN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const app = await buildApp({
      deps: composeDeps({ db: database.db, clock: systemClock, dataDir, settings: domainSettings(config) }),
      config,
    });
    const base = await listening(app);
    // The same server with the personal-data keys (the bench's database is opened without them).
    const sealedApp = await buildApp({
      deps: composeDeps({
        db: database.db.withPlugin(new PiiColumnsPlugin(PiiKeyring.generate())),
        clock: systemClock,
        dataDir,
        settings: domainSettings(config),
      }),
      config,
    });
    const sealedBase = await listening(sealedApp);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench_operator', password: 'Bench@12345', bearer: true }),
    });
    const { token } = (await login.json()) as { token: string };
    // The HTTP clients run in their own process (like a switchboard's), unless asked to share ours.
    const inProcess = process.env.BENCH_INTAKE_CLIENT === 'in-process';
    const viaApi = intakeSender(base, token);
    const client = inProcess
      ? undefined
      : fork(fileURLToPath(new URL('./intake-client.ts', import.meta.url)), [], { execArgv: process.execArgv });
    const remote = (job: ClientJob) =>
      new Promise<ClientResult>((resolve, reject) => {
        client!.once('message', (m: { ok: boolean; result?: ClientResult; error?: string }) =>
          m.ok ? resolve(m.result!) : reject(new Error(m.error)),
        );
        client!.send(job);
      });
    const apiClosed = (first: number, clients: number, seconds: number, at = base) =>
      inProcess
        ? closedLoop(at === base ? viaApi : intakeSender(at, token), clients, seconds, first)
        : remote({ kind: 'closed', base: at, token, clients, seconds, first });
    const apiOpen = async (first: number) =>
      inProcess
        ? openLoop(viaApi, OPEN_LOOP_RATE, SECONDS, first)
        : (await remote({ kind: 'open', base, token, rate: OPEN_LOOP_RATE, seconds: SECONDS, first })).sorted;
    // Raw and API alternate in short rounds, so a shared machine's load drifts over both alike.
    const measured = await (async () => {
      try {
        await apiClosed(0, 4, 1); // warm-up
        const raw = { count: 0, seconds: 0, sorted: [] as number[], cpuMs: 0 };
        const api = { count: 0, seconds: 0, sorted: [] as number[], cpuMs: 0 };
        for (let round = 0; round < ROUNDS; round++) {
          const rawCpu = process.cpuUsage();
          const r = await closedLoop(rawInsert(database, centreId), CLIENTS, SECONDS / ROUNDS, round * 100_000);
          const rawUsed = process.cpuUsage(rawCpu);
          raw.cpuMs += (rawUsed.user + rawUsed.system) / 1000;
          raw.count += r.sorted.length;
          raw.seconds += r.sorted.length / r.perSecond;
          raw.sorted.push(...r.sorted);
          const cpu = process.cpuUsage();
          const a = await apiClosed(1_000_000 + round * 100_000, CLIENTS, SECONDS / ROUNDS);
          const used = process.cpuUsage(cpu);
          api.cpuMs += (used.user + used.system) / 1000;
          api.count += a.sorted.length;
          api.seconds += a.sorted.length / a.perSecond;
          api.sorted.push(...a.sorted);
        }
        const rate = (x: { count: number; seconds: number; sorted: number[] }) => ({
          perSecond: x.count / x.seconds,
          sorted: x.sorted.sort((p, q) => p - q),
        });
        return {
          raw: { ...rate(raw), cpuPerOrder: raw.cpuMs / raw.count },
          api: { ...rate(api), cpuPerOrder: api.cpuMs / api.count },
          chain: await chainCost(database, (first) => apiClosed(first, CLIENTS, SECONDS / ROUNDS)),
          sealing: await sealingCost((target, first) =>
            apiClosed(first, CLIENTS, SECONDS / ROUNDS, target === 'sealed' ? sealedBase : base),
          ),
          // A saturated server (a loaded machine) can drop connections of the paced load: say so, go on.
          paced: await apiOpen(2_000_000).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
        };
      } finally {
        client?.kill();
      }
    })();
    const { raw, api, paced, chain, sealing } = measured;
    await app.close();
    await sealedApp.close();
    const ratio = api.perSecond / raw.perSecond;
    console.log(
      `${kind.padEnd(8)} raw SQL ceiling: ${fmt(raw.perSecond, 0)} orders/s (p50 ${fmt(percentile(raw.sorted, 50))} ms, p99 ${fmt(percentile(raw.sorted, 99))} ms)`,
    );
    console.log(
      `${kind.padEnd(8)} HTTP API (${CLIENTS} clients${inProcess ? ', in process' : ''}): ${fmt(api.perSecond, 0)} orders/s (p50 ${fmt(percentile(api.sorted, 50))} ms, p99 ${fmt(percentile(api.sorted, 99))} ms) = ${fmt(ratio * 100)} % of raw [target ≥ 30 %] ${ratio >= 0.3 ? 'OK' : 'BELOW TARGET'}`,
    );
    if (!inProcess) {
      console.log(
        `${kind.padEnd(8)} this process's CPU per order: API ${fmt(api.cpuPerOrder, 2)} ms, raw SQL ${fmt(raw.cpuPerOrder, 2)} ms${kind === 'pglite' ? ' (database included)' : ' (PostgreSQL server not included)'}`,
      );
    }
    console.log(
      `${kind.padEnd(8)} audit chain (ADR 0161): HTTP API ${fmt(chain.on, 0)} orders/s with the timeline chained, ${fmt(chain.off, 0)} with its trigger off (${fmt((chain.on / chain.off - 1) * 100)} %)`,
    );
    console.log(
      `${kind.padEnd(8)} personal data sealed (ADR 0170): HTTP API ${fmt(sealing.sealed, 0)} orders/s with sealing, ${fmt(sealing.plain, 0)} without (${fmt((sealing.sealed / sealing.plain - 1) * 100)} %); the sealing itself: ${fmt(sealingCpuPerOrder() * 1000, 0)} µs CPU per order (3 fields sealed and opened, 2 blind indexes) against ${fmt(api.cpuPerOrder * 1000, 0)} µs for the whole intake`,
    );
    if (paced instanceof Error) {
      console.log(
        `${kind.padEnd(8)} HTTP API at ${OPEN_LOOP_RATE} orders/s for ${SECONDS} s: FAILED (${paced.message}: the server could not keep up)`,
      );
    } else {
      const p99 = percentile(paced, 99);
      console.log(
        `${kind.padEnd(8)} HTTP API at ${OPEN_LOOP_RATE} orders/s for ${SECONDS} s: p50 ${fmt(percentile(paced, 50))} ms, p99 ${fmt(p99)} ms [target p99 < 50 ms] ${p99 < 50 ? 'OK' : 'ABOVE TARGET'}`,
      );
    }
    // Duplicate detection runs after commit (ADR 0013): how fast one worker catches up on the orders
    // just taken (all near-duplicates of each other: the busiest case for the text lookup).
    const worker = { db: database.db, clock: systemClock, dataDir, settings: domainSettings(config), config, log: () => {} };
    const detectStart = performance.now();
    let detected = 0;
    while (performance.now() - detectStart < SECONDS * 1000) {
      const r = await dispatchOutboxBatch(worker, {
        handlers: [duplicateDetectHandler],
        topics: [DUPLICATE_DETECT_TOPIC],
        batchSize: 50,
      });
      if (r.claimed === 0) break;
      detected += r.done;
    }
    console.log(
      `${kind.padEnd(8)} worker duplicate detection after commit: ${fmt(detected / ((performance.now() - detectStart) / 1000), 0)} orders/s (one worker, ${detected} orders)`,
    );
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const intakeBench: BenchSection = {
  name: 'intake',
  description: 'order intake through the HTTP API vs the raw-SQL ceiling of the same inserts (PostgreSQL, PGlite)',
  run: async () => {
    // BENCH_INTAKE_ONLY=postgres,pglite (or pglite-disk) runs only those backends.
    const only = process.env.BENCH_INTAKE_ONLY?.split(',');
    const wanted = (name: string) => !only || only.includes(name);
    if (wanted('postgres')) {
      if (await serverAvailable()) await benchBackend('postgres');
      else console.log('postgres: server not reachable, skipped (set BENCH_DATABASE_URL)');
    }
    if (wanted('pglite')) await benchBackend('pglite');
    // The embedded server as deployed: on disk, durable by default, and the cost of it (ADR 0160).
    if (wanted('pglite-disk')) {
      await benchBackend('pglite', { fsync: true });
      await benchBackend('pglite', { fsync: false });
    }
  },
};
