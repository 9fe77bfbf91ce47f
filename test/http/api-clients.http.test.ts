import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { authenticateApiKey } from '../../src/apiclients/api-auth.service.js';
import {
  createApiClient,
  issueApiKey,
  revokeApiClient,
  revokeApiKey,
  changeApiClient,
} from '../../src/apiclients/api-client.service.js';
import { hashApiKey } from '../../src/apiclients/api-key.js';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });

const use = (key: string | undefined, scope: 'submit' | 'read' = 'submit', ip = '10.0.0.1') =>
  authenticateApiKey(w.deps, { key, ip, scope, route: 'POST /test' });

const refusals = async () =>
  (
    await w.deps.db
      .selectFrom('pii_access_log')
      .select(['detail', 'subject', 'centre_id'])
      .where('purpose', '=', 'api.key.refused')
      .orderBy('id')
      .execute()
  ).map((r) => (r.detail as { reason: string }).reason);

describe('API clients and keys', () => {
  it('a key is shown once and stored only as its hash; several keys per client; revocation stops each', async () => {
    const { client, issued } = await createApiClient(
      w.deps,
      null,
      w.centreId,
      { name: '蒙速办', scopes: ['submit', 'read'], contact: '张工 0479-1234567' },
      { issueKey: true },
    );
    expect(issued!.key).toMatch(/^lx_[0-9a-f]{8}_/);
    const stored = await w.deps.db
      .selectFrom('api_client_keys')
      .selectAll()
      .where('client_id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).toBe(hashApiKey(issued!.key));
    expect(JSON.stringify(stored)).not.toContain(issued!.key);
    const second = await issueApiKey(w.deps, null, w.centreId, client.id, '轮换');
    expect((await use(issued!.key)).clientId).toBe(client.id);
    expect((await use(second.key, 'read')).name).toBe('蒙速办');
    await revokeApiKey(w.deps, null, w.centreId, client.id, issued!.keyInfo.id);
    await expect(use(issued!.key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await use(second.key)).keyId).toBe(second.keyInfo.id);
    await revokeApiClient(w.deps, null, w.centreId, client.id);
    await expect(use(second.key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusals()).slice(-2)).toEqual(['key_revoked', 'client_revoked']);
  });

  it('scopes, address allow-list and a wrong secret are refused and audited', async () => {
    const { client, issued } = await createApiClient(
      w.deps,
      null,
      w.centreId,
      { name: '网格平台', channel: 'grid', scopes: ['read'], ipAllow: ['192.168.10.0/24', '10.9.9.9'] },
      { issueKey: true },
    );
    const key = issued!.key;
    expect((await use(key, 'read', '192.168.10.77')).channel).toBe('grid');
    expect((await use(key, 'read', '::ffff:10.9.9.9')).clientId).toBe(client.id);
    await expect(use(key, 'read', '10.0.0.1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(use(key, 'submit', '192.168.10.77')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(use(`${key.slice(0, 12)}${'A'.repeat(27)}`, 'read', '192.168.10.77')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(use('not-a-key')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusals()).slice(-4)).toEqual(['address', 'scope', 'unknown_key', 'malformed']);
    await expect(changeApiClient(w.deps, null, w.centreId, client.id, { ipAllow: ['300.1.1.1'] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('the per-client rate limit answers 429 with the wait, audited, and refills with time', async () => {
    const { issued } = await createApiClient(
      w.deps,
      null,
      w.centreId,
      { name: '小程序', scopes: ['submit'], ratePerMinute: 3 },
      { issueKey: true },
    );
    for (let i = 0; i < 3; i++) await use(issued!.key);
    await expect(use(issued!.key)).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 20 } });
    expect((await refusals()).at(-1)).toBe('rate');
    w.clock.advance(20_000);
    expect((await use(issued!.key)).name).toBe('小程序');
  });
});

describe('the admin API', () => {
  it('the system administrator registers a client, issues and revokes keys; others are refused', async () => {
    const admin = await asUser(app, w, 'admin');
    const created = await admin.post('/api/api-clients', {
      name: '12345 省平台',
      scopes: ['submit'],
      ownerUnitId: w.units.centre.id,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.issued.key).toMatch(/^lx_/);
    expect(body.client.ownerUnitName).toBe('测试中心');
    const list = await admin.get('/api/api-clients');
    const listed = list.json().clients.find((c: { id: string }) => c.id === body.client.id);
    expect(listed.keys).toHaveLength(1);
    expect(list.body).not.toContain(body.issued.key);
    const key2 = await admin.post(`/api/api-clients/${body.client.id}/keys`, { label: '2026' });
    expect(key2.statusCode).toBe(201);
    const revoked = await admin.post(`/api/api-clients/${body.client.id}/keys/${body.issued.keyInfo.id}/revoke`);
    expect(revoked.json().keys.find((k: { id: string }) => k.id === body.issued.keyInfo.id).revokedAt).not.toBeNull();
    const dup = await admin.post('/api/api-clients', { name: '12345 省平台', scopes: ['submit'] });
    expect(dup.statusCode).toBe(409);
    const bad = await admin.post('/api/api-clients', { name: 'x', scopes: ['everything'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('scopes');
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get('/api/api-clients')).statusCode).toBe(403);
    const acts = await w.deps.db.selectFrom('pii_access_log').select('subject').where('purpose', '=', 'admin.act').execute();
    expect(acts.map((a) => a.subject)).toContain('POST /api/api-clients');
  });

  it('with the console built, /open311 paths still answer Open311, never the console page', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<html><title>console</title></html>');
    const withWeb = await buildApp({ deps: w.deps, config: loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir }) }, { webDir });
    try {
      const services = await withWeb.inject({ method: 'GET', url: '/open311/v2/services.xml' });
      expect(services.statusCode).toBe(200);
      expect(services.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services/);
      const unknown = await withWeb.inject({ method: 'GET', url: '/open311/v2/unknown.json' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()[0].code).toBe(404);
      expect((await withWeb.inject({ method: 'GET', url: '/queues' })).body).toContain('console');
    } finally {
      await withWeb.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});
