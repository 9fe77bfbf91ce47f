import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildWorld, type World } from './fixtures.js';
import { buildTestApp } from './http.js';
import { createTestDatabase } from './test-db.js';

// Each `use…` is called at the top of a test file (or of a describe block), like fastify/demo's
// `build(t)`: it registers its own beforeAll and afterAll and returns handles that can be held in a
// `const` at once and used inside tests and hooks, where they stand for the real objects.
//
//   const { database, w, app } = useApp({ start: '2025-03-03T02:00:00Z', env: { LIANXIN_…: '0' } });
//
// Hooks run in the order they are registered and afterAll in reverse (vitest's default `stack`), so a
// file's own beforeAll sees the world already built and its own afterAll runs before the database closes.

/**
 * A stand-in for an object made in a beforeAll: property reads, writes and method calls go to the
 * object once it is set; used earlier (at file top level) it throws instead of reading undefined.
 */
function deferred<T extends object>(what: string): { handle: T; set(value: T): void; get(): T | undefined } {
  let current: T | undefined;
  const real = (): T => {
    if (current === undefined) throw new Error(`${what} is made in beforeAll: use it inside a test or a hook`);
    return current;
  };
  const handle = new Proxy({} as T, {
    get(_, key) {
      const target = real();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
  });
  return { handle, set: (value) => (current = value), get: () => current };
}

/** A fresh migrated database for this file (or describe block), closed after its tests. */
export function useTestDatabase(): Database {
  const database = deferred<Database>('the test database');
  beforeAll(async () => database.set(await createTestDatabase()));
  afterAll(async () => database.get()?.close());
  return database.handle;
}

/** A test database with the small hotline of `buildWorld` in it, its clock starting at `start`. */
export function useWorld(start?: string): { database: Database; w: World } {
  const database = useTestDatabase();
  const w = deferred<World>('the test world');
  beforeAll(async () => w.set(await buildWorld(database, start)));
  return { database, w: w.handle };
}

/** `useWorld` plus the HTTP app on it, configured with `env` (LIANXIN_… settings); closed after the tests. */
export function useApp(options: { start?: string; env?: Record<string, string> } = {}): {
  database: Database;
  w: World;
  app: FastifyInstance;
} {
  const { database, w } = useWorld(options.start);
  const app = deferred<FastifyInstance>('the test app');
  beforeAll(async () => app.set(await buildTestApp(w, options.env)));
  afterAll(async () => app.get()?.close());
  return { database, w, app: app.handle };
}
