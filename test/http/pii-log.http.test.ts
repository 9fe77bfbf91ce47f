import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { buildApp } from '../../src/http/app.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// Issue 15 (ADR 0172): the full phone number never reaches the request log — not from the list's
// callerPhone filter, the export's, a full-text search for a number, nor an error logged with the request.
const { w } = useWorld();
const PHONE = '13987654321';
const logLines: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir, LIANXIN_SESSION_IDLE_MINUTES: '0' });
  const stream = { write: (line: string) => void logLines.push(line) };
  app = await buildApp({ deps: { ...w.deps, settings: domainSettings(config) }, config }, { logger: { level: 'info', stream } });
  await newOrder(w, { callerPhone: PHONE });
});
afterAll(async () => app?.close());

describe('the request log', () => {
  it('keeps the requests, with every phone number in a query masked', async () => {
    const c = await asUser(app, w, 'dispatcher');
    expect((await c.get(`/api/orders?callerPhone=${PHONE}`)).json().items).toHaveLength(1);
    expect((await c.get(`/api/orders/export.csv?callerPhone=139-8765-4321`)).statusCode).toBe(200);
    expect((await c.get(`/api/search/orders?q=${PHONE}`)).statusCode).toBe(200);
    expect((await c.post('/api/duplicates/check', { title: '', content: '', callerPhone: PHONE })).statusCode).toBe(200);
    const urls = logLines.map((l) => JSON.parse(l) as { req?: { url?: string } }).flatMap((l) => (l.req?.url ? [l.req.url] : []));
    expect(urls).toContain('/api/orders?callerPhone=139****4321');
    expect(urls).toContain('/api/search/orders?q=139****4321');
    expect(urls.some((u) => u.startsWith('/api/orders/export.csv?callerPhone=139****4321'))).toBe(true);
    const all = logLines.join('\n');
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain('8765-4321');
  });
});
