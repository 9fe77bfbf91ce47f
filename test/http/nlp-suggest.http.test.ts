import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainCentreModels } from '../../src/nlp/nlp-training.service.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { buildHistory, heatingText } from '../service/nlp-history.fixture.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ env: { LIANXIN_NLP_SUGGEST_THRESHOLD: '0' } });
let strictApp: FastifyInstance;

const body = { title: heatingText(40).title, content: heatingText(41).content };

beforeAll(async () => {
  strictApp = await buildTestApp(w, { LIANXIN_NLP_SUGGEST_THRESHOLD: '1' });
}, 60_000);
afterAll(async () => {
  await strictApp?.close();
});

describe('POST /api/nlp/suggest', () => {
  it('answers null suggestions before any model is trained', async () => {
    const res = await (await asUser(app, w, 'operator')).post('/api/nlp/suggest', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ threshold: 0, category: null, unit: null });
  });

  it('suggests category and unit, top 3 at most, for operator and dispatcher', async () => {
    await buildHistory(w, 6);
    await trainCentreModels(w.deps, w.centreId, { minRows: 10 });
    for (const who of ['operator', 'dispatcher'] as const) {
      const res = await (await asUser(app, w, who)).post('/api/nlp/suggest', { ...body, regionId: w.regionId });
      expect(res.statusCode).toBe(200);
      const json = res.json();
      expect(json.category.items[0]).toMatchObject({ id: w.categoryId, name: '物业管理', fullName: '城乡建设 / 物业管理' });
      expect(json.unit.items[0]).toMatchObject({ id: w.units.deptA1.id, name: 'A旗住建局' });
      expect(json.unit.items.length).toBeLessThanOrEqual(3);
      expect(json.unit.modelVersion).toBe(1);
    }
  });

  it('hides suggestions below the configured confidence threshold', async () => {
    const res = await (await asUser(strictApp, w, 'operator')).post('/api/nlp/suggest', body);
    expect(res.statusCode).toBe(200);
    expect(res.json().threshold).toBe(1);
    expect(res.json().category.items).toEqual([]);
    expect(res.json().unit.items).toEqual([]);
  });

  it('refuses unit users and other centre roles', async () => {
    for (const who of ['unit_handler', 'unit_admin', 'analyst', 'leader'] as const) {
      const res = await (await asUser(app, w, who)).post('/api/nlp/suggest', body);
      expect(res.statusCode, who).toBe(403);
    }
    const anonymous = await app.inject({ method: 'POST', url: '/api/nlp/suggest', payload: body });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 naming the field for bad input', async () => {
    const operator = await asUser(app, w, 'operator');
    const missing = await operator.post('/api/nlp/suggest', { title: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toMatch(/content/);
    const region = await operator.post('/api/nlp/suggest', { ...body, regionId: '00000000-0000-4000-8000-000000000000' });
    expect(region.statusCode).toBe(400);
    expect(region.json().error.field).toBe('regionId');
  });
});
