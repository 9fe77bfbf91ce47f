import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { IMMUTABLE, REVALIDATE } from '../../src/http/web-assets.js';
import { useWorld } from '../helpers/use-world.js';

// Issue 13 page weight: hashed assets go out precompressed and are cached for good; pages revalidate.
const { w } = useWorld();
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-web-'));
const JS = 'console.log("portal");\n'.repeat(200);
let app: FastifyInstance;

beforeAll(async () => {
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<title>console</title>');
  fs.writeFileSync(path.join(webDir, 'portal.html'), '<title>portal</title>');
  const asset = path.join(webDir, 'assets', 'portal-Ab12Cd34.js');
  fs.writeFileSync(asset, JS);
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(JS));
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(JS));
  const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir });
  app = await buildApp({ deps: w.deps, config }, { webDir });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('web assets', () => {
  it('sends the brotli file to browsers that take it, gzip to others, the raw file otherwise', async () => {
    const br = await get('/assets/portal-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    expect(br.rawPayload.length).toBeLessThan(JS.length / 10);

    const gz = await get('/assets/portal-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(JS);

    const raw = await get('/assets/portal-Ab12Cd34.js');
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(JS);
  });

  it('marks hashed assets immutable for a year, and pages as to be revalidated', async () => {
    expect((await get('/assets/portal-Ab12Cd34.js', 'br')).headers['cache-control']).toBe(IMMUTABLE);
    expect(IMMUTABLE).toContain('immutable');
    const page = await get('/index.html');
    expect(page.headers['cache-control']).toBe(REVALIDATE);
  });

  it('answers portal paths with the portal page and other paths with the console page', async () => {
    for (const url of ['/portal', '/portal/my', '/portal/lookup?x=1']) {
      const res = await get(url, 'br');
      expect(res.body).toContain('portal');
      expect(res.headers['cache-control']).toBe(REVALIDATE);
    }
    expect((await get('/login')).body).toContain('console');
    expect((await get('/portalx')).body).toContain('console');
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(401);
  });
});
