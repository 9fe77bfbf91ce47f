import type { Config } from '../config/config.js';
import type { Deps } from '../shared/deps.js';

/** Handed to every route plugin: the domain's dependencies and the parsed configuration. */
export interface AppContext {
  readonly deps: Deps;
  readonly config: Config;
}
