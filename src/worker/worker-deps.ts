import type { Config } from '../config/config.js';
import type { Deps } from '../shared/deps.js';

/** What jobs and outbox handlers get: the domain's deps plus settings and a log line writer. */
export interface WorkerDeps extends Deps {
  readonly config: Config;
  readonly log: (line: string) => void;
}
