import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';

/**
 * Every migration, in order. Listed explicitly (no directory scanning) so the same list works under
 * tsx, in tests and in bundles. Issues own number ranges to avoid clashes when built in parallel.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};
