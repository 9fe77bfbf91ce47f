import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { asUser, buildTestApp, type Client } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 15: security headers, an origin check on every state-changing request, no-store on personal
// data and sign-in, no session token in the sign-in body of a browser, the API description not public.
const { w, app } = useApp();
let operator: Client;

beforeAll(async () => {
  operator = await asUser(app, w, 'operator');
});

describe('headers', () => {
  it('CSP with frame-ancestors none, X-Frame-Options, nosniff, Referrer-Policy on pages and API answers; no HSTS by default', async () => {
    for (const url of ['/api/portal/info', '/healthz', '/api/orders']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('HSTS when LIANXIN_HSTS=true', async () => {
    const secure = await buildTestApp(w, { LIANXIN_HSTS: 'true' });
    try {
      expect((await secure.inject({ url: '/healthz' })).headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await secure.close();
    }
  });
});

describe('origin check on state-changing requests (CSRF)', () => {
  let spec: { paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    spec = (await operator.get('/api/openapi.json')).json();
  });

  it('every POST/PUT/PATCH/DELETE route refuses a page of another site and of the same host on another port', async () => {
    const writes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000') })),
    );
    expect(writes.length).toBeGreaterThan(80);
    for (const origin of ['http://evil.example', 'http://localhost:5999', 'null']) {
      for (const { method, url } of writes) {
        const res = await operator.request({
          method: method as 'POST',
          url,
          headers: { origin, host: 'localhost:8080' },
          payload: {},
        });
        expect(res.statusCode, `${method} ${url} from ${origin}`).toBe(403);
        // Open311 routes answer in the Open311 error format (XML unless .json was asked for).
        if (url.startsWith('/open311/')) expect(res.body, `${method} ${url}`).toMatch(/<errors>|"description"/);
        else expect(res.json().error.messageEn).toContain('another site');
      }
    }
  });

  it('Sec-Fetch-Site cross-site or same-site without Origin is refused; the server’s own origin and configured ones pass', async () => {
    const order = await newOrder(w);
    const note = (headers: Record<string, string>) =>
      operator.request({ method: 'POST', url: `/api/orders/${order.id}/notes`, headers, payload: { text: '跟进' } });
    expect((await note({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await note({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await note({ origin: 'http://localhost:8080', host: 'localhost:8080' })).statusCode).toBe(201);
    expect((await note({ origin: 'http://localhost', host: 'localhost:80', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(
      201,
    );
    expect((await note({})).statusCode).toBe(201); // no browser page: the CLI, the telephone system
    const withPortal = await buildTestApp(w, { LIANXIN_ALLOWED_ORIGINS: 'https://portal.example.gov.cn' });
    try {
      const res = await withPortal.inject({
        method: 'POST',
        url: '/api/portal/lookup',
        headers: { origin: 'https://portal.example.gov.cn' },
        payload: { orderNo: 'x', queryCode: '000000' },
      });
      expect(res.statusCode).not.toBe(403);
    } finally {
      await withPortal.close();
    }
  });
});

describe('sign-in and personal data', () => {
  it('the sign-in answer is no-store and carries no token for a browser; an API client asks for one', async () => {
    const browser = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.usernames.operator, password: TEST_PASSWORD },
    });
    expect(browser.statusCode).toBe(200);
    expect(browser.headers['cache-control']).toBe('no-store');
    expect(browser.json().token).toBeUndefined();
    expect(browser.cookies.find((c) => c.name === 'lianxin_session')?.httpOnly).toBe(true);
    const api = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: w.usernames.operator, password: TEST_PASSWORD, bearer: true },
    });
    expect(api.json().token).toMatch(/.{20,}/);
    const me = await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${api.json().token}` } });
    expect(me.statusCode).toBe(200);
  });

  it('an order, the list and the export are no-store', async () => {
    const order = await newOrder(w);
    for (const url of [`/api/orders/${order.id}`, '/api/orders', '/api/orders/export.csv', `/api/orders/${order.id}/timeline`]) {
      expect((await operator.get(url)).headers['cache-control'], url).toBe('no-store');
    }
  });
});

describe('the API description', () => {
  it('is for signed-in staff unless configured', async () => {
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBe(401);
    expect((await operator.get('/api/docs')).statusCode).toBe(404);
    expect((await operator.get('/api/openapi.json')).statusCode).toBe(200);
  });

  let published: FastifyInstance;
  afterAll(async () => published?.close());
  it('LIANXIN_API_DOCS=true publishes /api/docs and /api/openapi.json', async () => {
    published = await buildTestApp(w, { LIANXIN_API_DOCS: 'true' });
    expect((await published.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const docs = await published.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
