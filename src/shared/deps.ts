import type { DomainSettings } from '../config/domain-settings.js';
import type { Db } from '../db/database.js';
import type { Clock } from './clock.js';

/** What a domain service needs from the outside world; the HTTP server, worker and CLI all pass one. */
export interface Deps {
  readonly db: Db;
  readonly clock: Clock;
  /** Root of files on disk (attachments). */
  readonly dataDir: string;
  /** The configured settings domain code reads (KPI weights, size limits, thresholds…). */
  readonly settings: DomainSettings;
}
