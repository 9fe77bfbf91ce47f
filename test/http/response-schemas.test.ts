import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { registerRoutes } from '../../src/http/routes.js';
import { AJV_OPTIONS } from '../../src/http/app.js';
import { useWorld } from '../helpers/use-world.js';

/**
 * Every API route states its answer: a response schema for a 2xx status (written with
 * `wireSchema<T>()` against the contract type the web imports, src/shared/wire-schema.ts), so OpenAPI
 * says what the route returns and Fastify serialises exactly that. Files and the live stream state
 * theirs too (`FileSchema`, `EventStreamSchema`). No route is exempt (the list of exceptions is gone).
 */

const { w } = useWorld('2025-03-03T02:00:00Z');

/** Every route of src/http/routes.ts as registered, with its options. */
async function registeredRoutes(): Promise<RouteOptions[]> {
  const app = Fastify({ ajv: AJV_OPTIONS });
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  const config = loadConfig({ LIANXIN_DATA_DIR: w.deps.dataDir });
  await registerRoutes(app, { deps: { ...w.deps, settings: domainSettings(config) }, config });
  await app.ready();
  await app.close();
  // HEAD routes are Fastify's automatic twins of GET routes.
  return routes.filter((r) => r.method !== 'HEAD');
}

const routeKey = (r: RouteOptions) => `${String(r.method)} ${r.url}`;

const has2xxSchema = (r: RouteOptions) => {
  const response = (r.schema?.response ?? {}) as Record<string, unknown>;
  return Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status));
};

describe('route response schemas', () => {
  it('every route has a 2xx response schema', async () => {
    const routes = await registeredRoutes();
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.filter((r) => !has2xxSchema(r)).map(routeKey);
    expect(missing, 'routes without a 2xx response schema (add one with wireSchema<T>())').toEqual([]);
  });
});
