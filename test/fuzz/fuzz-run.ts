import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.js';
import type { World } from '../helpers/fixtures.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { fuzzRequests, LOG_TABLE, type FuzzRequest } from './openapi-fuzz.js';

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests answered 5xx, or whose response could not be read whole (a cut stream). */
  failures: { label: string; url: string; status: number | 'cut'; body: string }[];
  /** Refused writes after which a table's row count or the data directory's file count changed. */
  partialWrites: { label: string; changed: string[] }[];
  ms: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Row counts of every table (one statement) and the number of files under the data directory. */
async function snapshot(database: Database, tables: string[], dataDir: string): Promise<Record<string, number>> {
  const parts = tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ');
  const { rows } = await sql.raw<Record<string, number>>(`select ${parts}`).execute(database.db);
  const counts = { ...rows[0] };
  counts['<files>'] = fs.existsSync(dataDir)
    ? fs.readdirSync(dataDir, { recursive: true }).filter((f) => fs.statSync(path.join(dataDir, String(f))).isFile()).length
    : 0;
  return counts;
}

function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((t) => !LOG_TABLE.test(t) && before[t] !== after[t]);
}

/**
 * Sends `count` malformed requests to the app as a rotation of signed-in roles and a stranger, and
 * checks after every write that was refused that nothing was written (row counts, files).
 */
export async function runFuzz(app: FastifyInstance, database: Database, w: World, count: number, seed = 1): Promise<FuzzReport> {
  const roles = ['admin', 'supervisor', 'operator', 'dispatcher', 'unit_handler', 'analyst'] as const;
  const clients = await Promise.all(roles.map((role) => asUser(app, w, role)));
  const order = await newOrder(w);
  const spec = JSON.parse((await clients[0].get('/api/openapi.json')).body);
  const ids = {
    order: order.id,
    id: order.id,
    unit: w.units.deptA1.id,
    category: w.categoryId,
    region: w.regionId,
    user: w.actors.operator.userId ?? '',
  };
  const requests = fuzzRequests(spec, ids, count, seed);

  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const tables = rows.map((r) => r.table_name).filter((t) => !t.startsWith('kysely_'));
  const dataDir = w.deps.dataDir;

  const report: FuzzReport = { requests: 0, byStatus: {}, failures: [], partialWrites: [], ms: 0 };
  const started = Date.now();
  let baseline = await snapshot(database, tables, dataDir);
  for (const [i, req] of requests.entries()) {
    const who = i % (clients.length + 1);
    const cookie: Record<string, string> = who < clients.length ? { cookie: `lianxin_session=${clients[who].token}` } : {};
    if (process.env.FUZZ_TRACE) fs.appendFileSync(process.env.FUZZ_TRACE, `${i} ${Date.now() - started} ${req.label}\n`);
    const status = await send(app, req, cookie, report);
    report.requests++;
    if (!WRITES.has(req.method)) continue;
    const after = await snapshot(database, tables, dataDir);
    if (typeof status === 'number' && status >= 400) {
      const changed = changedTables(baseline, after);
      if (changed.length) report.partialWrites.push({ label: req.label, changed });
    }
    baseline = after;
  }
  report.ms = Date.now() - started;
  return report;
}

async function send(app: FastifyInstance, req: FuzzRequest, cookie: Record<string, string>, report: FuzzReport) {
  let status: number | 'cut';
  let body: string;
  try {
    const res = await app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: { ...req.headers, ...cookie },
      payload: req.payload,
    });
    status = res.statusCode;
    body = res.body.slice(0, 300);
  } catch (err) {
    status = 'cut';
    body = String(err).slice(0, 300);
  }
  const key = String(status);
  report.byStatus[key] = (report.byStatus[key] ?? 0) + 1;
  if (status === 'cut' || status >= 500) report.failures.push({ label: req.label, url: req.url.slice(0, 200), status, body });
  return status;
}

/** "200: 12, 400: 340, …" */
export const formatByStatus = (byStatus: Record<string, number>) =>
  Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
