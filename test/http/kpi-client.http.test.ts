import { beforeAll, describe, expect, it } from 'vitest';
import { refreshKpiRollups } from '../../src/analytics/kpi/kpi-rollup.service.js';
import { createApiClient } from '../../src/apiclients/api-client.service.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 17: "the figures group by client" — GET /api/kpis?groupBy=client, from the raw events and,
// once the days are built, from the rollups (kpi_daily_rollups.client_id, migration 0975).
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });
const MARCH = '/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=client';
const ids: Record<string, string> = {};

type Group = { key: string; name: string | null; counters: { accepted: number } };
const byName = (groups: Group[]) => Object.fromEntries(groups.map((g) => [g.name ?? g.key, g.counters.accepted]));

beforeAll(async () => {
  const submit = async (key: string, description: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: key, service_code: 'C11', address_string: '某街道', description }).toString(),
    });
    expect(res.statusCode).toBe(200);
  };
  for (const name of ['蒙速办', '网格平台']) {
    const made = await createApiClient(w.deps, null, w.centreId, { name, scopes: ['submit'] }, { issueKey: true });
    ids[name] = made.client.id;
    await submit(made.issued!.key, `${name}的第一件`);
    if (name === '蒙速办') await submit(made.issued!.key, `${name}的第二件`);
  }
  await newOrder(w);
});

describe('GET /api/kpis?groupBy=client', () => {
  it('one group per API client that submitted, named, and `none` for every other order', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const res = await analyst.get(MARCH);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { groupBy: string; groups: Group[]; total: { counters: { accepted: number } } };
    expect(body.groupBy).toBe('client');
    expect(byName(body.groups)).toEqual({ 蒙速办: 2, 网格平台: 1, none: 1 });
    expect(body.groups.find((g) => g.name === '蒙速办')!.key).toBe(ids['蒙速办']);
    expect(body.total.counters.accepted).toBe(4);
  });

  it('reads the same from the rollups once the days are built', async () => {
    w.clock.set('2025-04-02T02:00:00Z');
    await refreshKpiRollups(w.deps, { maxBackfillDays: 400 });
    const stored = await w.deps.db
      .selectFrom('kpi_daily_rollups')
      .select(['client_id'])
      .where('centre_id', '=', w.centreId)
      .where('client_id', 'is not', null)
      .execute();
    expect(new Set(stored.map((r) => r.client_id))).toEqual(new Set(Object.values(ids)));
    const body = (await (await asUser(app, w, 'leader')).get(MARCH)).json() as {
      groups: Group[];
      source: { rollupDays: number; rawDays: number };
    };
    expect(body.source.rollupDays).toBeGreaterThan(0);
    expect(byName(body.groups)).toEqual({ 蒙速办: 2, 网格平台: 1, none: 1 });
  });

  it('refuses an unknown grouping with 400 naming the field', async () => {
    const res = await (await asUser(app, w, 'analyst')).get('/api/kpis?from=2025-03-01&to=2025-03-31&groupBy=clients');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('querystring.groupBy');
  });
});
