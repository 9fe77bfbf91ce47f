import type { Executor } from '../db/database.js';
import { GridIndex, type IndexedGrid } from './grid-index.js';
import { findGridVersion, selectActiveGridShapes } from './grid.repository.js';

/**
 * Per-process cache of each centre's grid index, keyed by centres.grid_version (bumped by every import,
 * migration 0860) — like the dispatch catalogue's cache (ADR 0125). Intake already holds the version
 * (it reads the centre row), so a hit costs no query; building the index of 25,000 grids takes a
 * fraction of a second and happens once per import per process.
 */
const cache = new Map<string, { version: number; index: GridIndex }>();

async function load(db: Executor, centreId: string, version: number): Promise<GridIndex> {
  const rows = await selectActiveGridShapes(db, centreId);
  const index = new GridIndex<IndexedGrid>(
    rows.map((r) => ({ id: r.id, code: r.code, name: r.name, regionId: r.region_id, geometry: r.geometry })),
  );
  const hit = cache.get(centreId);
  if (!hit || hit.version <= version) cache.set(centreId, { version, index });
  return index;
}

/** The centre's grid index at `version` (read from centres.grid_version by the caller). */
export async function loadGridIndex(db: Executor, centreId: string, version: number): Promise<GridIndex> {
  const hit = cache.get(centreId);
  if (hit && hit.version === version) return hit.index;
  return load(db, centreId, version);
}

/** The same, reading the version first (callers that do not hold the centre row). */
export async function currentGridIndex(db: Executor, centreId: string): Promise<GridIndex> {
  return loadGridIndex(db, centreId, (await findGridVersion(db, centreId)) ?? 0);
}
