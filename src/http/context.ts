import type { Config } from '../config/config.js';
import type { OrderDeps } from '../orders/order-hooks.js';

/** Handed to every route plugin: the domain's dependencies and the parsed configuration. */
export interface AppContext {
  readonly deps: OrderDeps;
  readonly config: Config;
}
