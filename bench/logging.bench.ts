// `npm run bench logging`: what per-request logging costs the web process (issue 20: < 2 % of its CPU).
// The same app on the same database three ways — no logger, the production logger (level info, JSON
// lines written synchronously to a file descriptor as pino does to stdout) — loaded in turns by a
// client in its own process; the server's CPU per request (process.cpuUsage, the database's work
// included on the embedded database) is compared with the no-logger baseline of the same round.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { composeDeps } from '../src/composition.js';
import { loadConfig } from '../src/config/config.js';
import { domainSettings } from '../src/config/domain-settings.js';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { systemClock } from '../src/shared/clock.js';
import { hashPassword } from '../src/users/password.js';
import { setCentreMfaRoles } from '../src/users/totp.repository.js';
import { insertUser } from '../src/users/user.repository.js';
import { fmt, freshBenchDatabase, serverAvailable } from './bench-db.js';
import type { ClientJob, ClientResult } from './intake-client.js';
import type { BenchSection } from './run.js';

const CLIENTS = 8;
const SECONDS = Number(process.env.BENCH_LOGGING_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_LOGGING_ROUNDS ?? 3);
const INJECTS = 2000;
const INJECT_ROUNDS = 8;

async function setup(database: Database): Promise<void> {
  const centre = await insertCentre(database.db, { code: 'logbench', name: '日志压测中心' });
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
    username: 'log_operator',
    displayName: '压测话务员',
    passwordHash: await hashPassword('Bench@12345'),
    roles: ['operator'],
  });
}

async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runOn(kind: 'pglite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-logbench-'));
  const database = await freshBenchDatabase(kind, 'lianxin_bench_logging');
  // Log lines go where the production server's go: a file descriptor written synchronously.
  const sink = fs.openSync(path.join(dataDir, 'server.log'), 'w');
  let lines = 0;
  const stream = {
    write(line: string) {
      lines++;
      fs.writeSync(sink, line);
    },
  };
  const apps: FastifyInstance[] = [];
  const serve = async (app: FastifyInstance) => {
    apps.push(app);
    return { app, base: await listening(app) };
  };
  const client = fork(fileURLToPath(new URL('./intake-client.ts', import.meta.url)), [], { execArgv: process.execArgv });
  try {
    await setup(database);
    const config = loadConfig({ LIANXIN_DATA_DIR: dataDir });
    const deps = composeDeps({ db: database.db, clock: systemClock, dataDir, settings: domainSettings(config) });
    const variants = [
      { name: 'no logger', ...(await serve(await buildApp({ deps, config }, { logger: false }))) },
      { name: 'logger info', ...(await serve(await buildApp({ deps, config }, { logger: { level: 'info', stream } }))) },
    ];
    const login = await fetch(`${variants[0]!.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'log_operator', password: 'Bench@12345', bearer: true }),
    });
    const { token } = (await login.json()) as { token: string };
    const load = (job: ClientJob) =>
      new Promise<ClientResult>((resolve, reject) => {
        client.once('message', (m: { ok: boolean; result?: ClientResult; error?: string }) =>
          m.ok ? resolve(m.result!) : reject(new Error(m.error)),
        );
        client.send(job);
      });
    console.log(
      `-- ${kind} (load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}), ${CLIENTS} clients × ${SECONDS} s × ${ROUNDS} rounds, POST /api/orders`,
    );
    const cpuPerRequest = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    const rates = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    let first = 0;
    // A warm-up turn of each (compilation, caches, the database's buffers), not counted.
    for (const variant of variants) {
      const warm = await load({ kind: 'closed', base: variant.base, token, clients: CLIENTS, seconds: 1, first });
      first += warm.sorted.length + 1000;
      for (let i = 0; i < 1000; i++) await variant.app.inject({ url: '/livez' });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
        const linesBefore = lines;
        const cpu = process.cpuUsage();
        const result = await load({ kind: 'closed', base: variant.base, token, clients: CLIENTS, seconds: SECONDS, first });
        const used = process.cpuUsage(cpu);
        const requests = result.sorted.length;
        first += requests + 1000;
        cpuPerRequest.get(variant.name)!.push((used.user + used.system) / requests);
        rates.get(variant.name)!.push(result.perSecond);
        if (variant.name !== 'no logger' && round === 0) {
          console.log(`   log lines per order: ${fmt((lines - linesBefore) / requests, 2)}`);
        }
      }
    }
    // The logging alone, without the load's noise: µs of CPU per request answered in process (/livez).
    const perInject = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    for (let round = 0; round < INJECT_ROUNDS; round++) {
      for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
        const cpu = process.cpuUsage();
        for (let i = 0; i < INJECTS; i++) await variant.app.inject({ url: '/livez' });
        const used = process.cpuUsage(cpu);
        perInject.get(variant.name)!.push((used.user + used.system) / INJECTS);
      }
    }
    const injectBaseline = median(perInject.get('no logger')!);
    const loggingMicros = median(perInject.get('logger info')!) - injectBaseline;
    console.log(
      `   GET /livez in process: ${fmt(injectBaseline)} µs CPU without a logger, +${fmt(loggingMicros)} µs with it ` +
        `(${INJECTS} requests × ${INJECT_ROUNDS} rounds, medians)`,
    );
    const baseline = median(cpuPerRequest.get('no logger')!);
    for (const variant of variants) {
      const cpu = median(cpuPerRequest.get(variant.name)!);
      const share = variant.name === 'no logger' ? '(baseline)' : `logging ${fmt(((cpu - baseline) / cpu) * 100)} % of the CPU`;
      console.log(
        `   ${variant.name.padEnd(12)} ${fmt(median(rates.get(variant.name)!))} orders/s, ${fmt(cpu / 1000, 2)} ms CPU per order ` +
          `(rounds: ${cpuPerRequest
            .get(variant.name)!
            .map((c) => fmt(c / 1000, 2))
            .join(', ')}) ${share}`,
      );
    }
    console.log(
      `   logging's share of an order's CPU from the in-process figure: ${fmt((loggingMicros / (baseline + loggingMicros)) * 100, 2)} %`,
    );
  } finally {
    client.kill();
    for (const app of apps) await app.close();
    fs.closeSync(sink);
    await database.close();
  }
}

export const loggingBench: BenchSection = {
  name: 'logging',
  description: 'per-request logging: server CPU per order with and without the production logger',
  run: async () => {
    await runOn('pglite');
    if (await serverAvailable()) await runOn('postgres');
  },
};
