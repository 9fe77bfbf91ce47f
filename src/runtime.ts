import path from 'node:path';
import type { Config } from './config/config.js';
import { domainSettings } from './config/domain-settings.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { loadPiiKeyring } from './config/pii-keys.js';
import { systemClock, type Clock } from './shared/clock.js';
import { composeDeps } from './composition.js';
import type { OrderDeps } from './orders/order-hooks.js';

export interface Runtime {
  readonly database: Database;
  readonly deps: OrderDeps;
  close(): Promise<void>;
}

/** Opens the configured database (server or embedded), migrates it, and wires the domain's deps. */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
  announce: (line: string) => void = (line) => console.error(line),
): Promise<Runtime> {
  const database = await openDatabase({
    pii: loadPiiKeyring(config.piiKeys, announce),
    url: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pgdata'),
    fsync: config.pgliteFsync,
  });
  await migrateToLatest(database.db);
  const deps = composeDeps({ db: database.db, clock, dataDir: config.dataDir, settings: domainSettings(config) });
  return { database, deps, close: () => database.close() };
}
