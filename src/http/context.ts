import type { Config } from '../config/config.js';
import type { PoolStats } from '../db/database.js';
import type { OrderDeps } from '../orders/order-hooks.js';

/** Handed to every route plugin: the domain's dependencies and the parsed configuration. */
export interface AppContext {
  readonly deps: OrderDeps;
  readonly config: Config;
  /** The server database's pool, for /metrics; absent on the embedded database and in most tests. */
  readonly poolStats?: () => PoolStats;
}
