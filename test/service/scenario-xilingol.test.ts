import { composeDeps } from '../../src/composition.js';
import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import os from 'node:os';
import { loadScenario } from '../../src/demo/scenarios/scenario.service.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-org.service.js';
import { buildApp } from '../../src/http/app.js';
import { loadConfig } from '../../src/config/config.js';
import { systemClock } from '../../src/shared/clock.js';
import type { OrderDeps as Deps } from '../../src/orders/order-hooks.js';
import { useTestDatabase } from '../helpers/use-world.js';

/**
 * xilingol-2021 through the domain functions, then the figures through GET /api/kpis. On PostgreSQL
 * (TEST_DATABASE_URL) the full three months: the seed's own numbers. On embedded PGlite a 5 % run
 * (the full one takes too long there), with the exact figures that volume must give.
 */
const FULL = Boolean(process.env.TEST_DATABASE_URL);
const expected = FULL
  ? {
      scale: 1,
      answered: 7600,
      accepted: 6924,
      direct: 2071,
      transferred: 3853,
      closed: 5624,
      closure: '94.94',
      satisfaction: '98.45',
      visits: 3495,
    }
  : {
      scale: 0.05,
      answered: 380,
      accepted: 346,
      direct: 104,
      transferred: 193,
      closed: 282,
      closure: '94.95',
      satisfaction: '98.45',
      visits: 129,
    };

const database = useTestDatabase();
let deps: Deps;
let app: FastifyInstance;

beforeAll(async () => {
  deps = composeDeps({ db: database.db, clock: systemClock, dataDir: os.tmpdir(), settings: defaultDomainSettings() });
  await loadScenario(deps, 'xilingol-2021', { scale: expected.scale, lanes: FULL ? 4 : 1 });
  app = await buildApp({ deps, config: loadConfig({ LIANXIN_DATA_DIR: os.tmpdir() }) });
}, 3_600_000);
afterAll(async () => {
  await app?.close();
});

const pct = (v: number) => (v * 100).toFixed(2);

describe(`scenario xilingol-2021 (${FULL ? 'full, PostgreSQL' : '5 %, PGlite'})`, () => {
  it('shows the seed’s table through the KPI API, computed from the event history', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x2021-leader', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'lianxin_session')!;
    const res = await app.inject({
      method: 'GET',
      url: '/api/kpis?from=2021-05-01&to=2021-07-31',
      headers: { cookie: `lianxin_session=${cookie.value}` },
    });
    expect(res.statusCode).toBe(200);
    const k = res.json().total.kpis;
    expect(k.answeredCalls.value).toBe(expected.answered);
    expect(k.acceptedCount.value).toBe(expected.accepted);
    expect(k.directCount.value).toBe(expected.direct);
    expect(k.transferredCount.value).toBe(expected.transferred);
    expect(k.closureRate).toMatchObject({ numerator: expected.closed, denominator: expected.direct + expected.transferred });
    expect(pct(k.closureRate.value)).toBe(expected.closure);
    expect(k.satisfactionRate.denominator).toBe(expected.visits);
    expect(pct(k.satisfactionRate.value)).toBe(expected.satisfaction);
    expect(res.json().source.rollupDays).toBeGreaterThan(0); // the loader built the daily rollups
  });

  it('went through the domain functions: every order has its timeline, phone orders their calls', async () => {
    const r = await sql<{ accepts: number; closes: number; linked: number; stored: number }>`
      select (select count(*) from order_events e join centres c on c.id = e.centre_id where c.code = 'xilingol-2021' and e.action = 'accept') as accepts,
             (select count(*) from order_events e join centres c on c.id = e.centre_id
               where c.code = 'xilingol-2021' and e.action in ('answer_directly', 'visit_close')) as closes,
             (select count(*) from call_order_links l join calls k on k.id = l.call_id join centres c on c.id = k.centre_id where c.code = 'xilingol-2021') as linked,
             (select count(*) from orders o join centres c on c.id = o.centre_id where c.code = 'xilingol-2021' and o.state = 'closed') as stored`.execute(
      database.db,
    );
    const row = r.rows[0]!;
    expect(Number(row.accepts)).toBe(expected.accepted);
    expect(Number(row.closes)).toBe(expected.closed);
    expect(Number(row.stored)).toBe(expected.closed);
    expect(Number(row.linked)).toBeGreaterThan(expected.accepted * 0.9);
  });

  it('gives the same figures from the raw events as from the rollups', async () => {
    const viaRollups = await loadScenario(deps, 'xilingol-2021');
    await database.db.deleteFrom('kpi_rollup_days').execute();
    const raw = await loadScenario(deps, 'xilingol-2021');
    expect(raw.loaded).toBe(false);
    expect(raw.kpis.source.rollupDays).toBe(0);
    expect(raw.kpis.total).toEqual(viaRollups.kpis.total);
  });
});
