import os from 'node:os';
import { sql } from 'kysely';
import { countValuesByKey } from '../src/db/pii-rewrap.repository.js';
import { rewrapAllRows } from '../src/db/pii-rewrap.js';
import { generateKeyData, newKeyBytes, newKeyId, PiiKeyring, type PiiKeyData } from '../src/shared/pii-keyring.js';
import { buildWorld } from '../test/helpers/fixtures.js';
import { newOrder } from '../test/helpers/orders.js';
import { fmt, freshBenchDatabase, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

/** Orders whose caller data is re-sealed: a large centre's table (ADR 0171's rotation without downtime). */
const ORDERS: Record<'pglite' | 'postgres', number> = { pglite: 50_000, postgres: 200_000 };

const seconds = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
};

async function benchOn(kind: 'pglite' | 'postgres') {
  let keyData: PiiKeyData = generateKeyData(new Date('2026-01-01T00:00:00Z'));
  const keyring = new PiiKeyring(keyData, () => keyData);
  const database = await freshBenchDatabase(kind, 'lianxin_bench_rotation', undefined, keyring);
  try {
    const w = await buildWorld(database);
    const first = await newOrder(w, { callerName: '轮换基准', callerPhone: '13812345678', address: '锡林浩特市团结路1号' });
    const db = database.db;
    // Copies of one sealed order: the ciphertext is copied as it stands, so every copy needs re-sealing.
    await sql`insert into orders
      select (jsonb_populate_record(o, jsonb_build_object('id', gen_random_uuid(), 'order_no', o.order_no || '-' || g,
        'query_code', substr(md5(g::text), 1, 8)))).*
      from orders o, generate_series(1, ${ORDERS[kind] - 1}) g where o.id = ${first.id}`.execute(db);
    await sql`analyze orders`.execute(db);
    const rows = ORDERS[kind];
    // Baseline in the same run: the same table rewritten by one plain UPDATE (no decryption, no batches).
    const baseline = await seconds(() => sql`update orders set updated_at = updated_at`.execute(db));

    const newId = newKeyId(new Date('2026-12-07T00:00:00Z'));
    keyData = { ...keyData, current: newId, keys: { ...keyData.keys, [newId]: newKeyBytes() } };
    keyring.refresh();
    let resealed = 0;
    const rotation = await seconds(async () => {
      resealed = await rewrapAllRows(db, keyring, { batch: 500, tables: ['orders'] });
    });
    const byKey = await countValuesByKey(db);
    // Rows per second, and the ratio to the baseline.
    console.log(
      JSON.stringify({
        kind,
        orders: rows,
        resealedRows: resealed,
        valuesUnderNewKey: byKey[newId] ?? 0,
        valuesUnderOldKey: Object.entries(byKey)
          .filter(([k]) => k !== newId)
          .reduce((n, [, v]) => n + v, 0),
        rotationSeconds: +fmt(rotation, 1),
        rowsPerSecond: Math.round(resealed / rotation),
        baselinePlainUpdateSeconds: +fmt(baseline, 1),
        ratioToBaseline: +fmt(rotation / baseline, 1),
        loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
      }),
    );
  } finally {
    await database.close();
  }
}

export const rotationBench: BenchSection = {
  name: 'rotation',
  description: 'personal-data key rotation: every order re-sealed under a new key, against a plain UPDATE of the same table',
  run: async () => {
    await benchOn('pglite');
    if (await serverAvailable()) await benchOn('postgres');
    else console.log('postgres: skipped (no server at BENCH_DATABASE_URL)');
  },
};
