import type { CoordSystem, GridImportResult, GridLocateAnswer, GridShape, GridVersionView, GridView } from '../contract/geo.js';
import type { Executor } from '../db/database.js';
import { listRegions } from '../org/catalog.repository.js';
import { toWgs84 } from '../shared/coordinates.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { currentGridIndex } from './grid-cache.js';
import { parseGridFile, type GridFileFormat, type GridFileOptions } from './grid-file.js';
import { parseGridGeoJson, type ParsedGrid } from './grid-geojson.js';
import { GridIndex } from './grid-index.js';
import {
  bumpGridVersion,
  findGrid,
  insertGrids,
  selectAllGrids,
  selectGridList,
  selectActiveGridShapes,
  selectGridVersions,
  selectOpenOrderPoints,
  setOrdersGrid,
  updateGridVersion,
  type GridWrite,
} from './grid.repository.js';

export interface GridImportOptions {
  /** Grids of the centre missing from the file are ended (a new, inactive version). */
  readonly replace?: boolean;
  /** Generated demo geography (the demo seed only). */
  readonly demo?: boolean;
  readonly source?: string;
  /** How errors name the input (`geojson`, `file`). */
  readonly at?: string;
}

const requireReader = (actor: Actor) => {
  if (!can(actor, 'catalog.read')) throw forbidden();
};

/** POST /api/grids/import: a GeoJSON FeatureCollection in `coordSystem`, versioned per grid. */
export async function importGrids(
  deps: Deps,
  actor: Actor,
  input: { geojson: unknown; coordSystem?: CoordSystem; replace?: boolean },
): Promise<GridImportResult> {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  const { grids } = parseGridGeoJson(input.geojson, input.coordSystem ?? 'wgs84');
  return deps.db
    .transaction()
    .execute((tx) =>
      importParsedGrids(tx, actor.centreId, grids, { at: deps.clock.now(), by: actor.userId }, { replace: input.replace }),
    );
}

/**
 * POST /api/grids/import/file and `lianxin grids import`: a GeoJSON file, a shapefile zip or KML
 * (recognised from the bytes), read with the attribute names given, then imported as above.
 */
export async function importGridFile(
  deps: Deps,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; replace?: boolean } & GridFileOptions,
): Promise<GridImportResult & { format: GridFileFormat }> {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  const { format, grids } = parseGridFile(input.fileName, input.bytes, input);
  const result = await deps.db
    .transaction()
    .execute((tx) =>
      importParsedGrids(
        tx,
        actor.centreId,
        grids,
        { at: deps.clock.now(), by: actor.userId },
        { replace: input.replace, source: `import:${format}`, at: 'file' },
      ),
    );
  return { ...result, format };
}

/**
 * Writes parsed grids inside the caller's transaction: new codes are inserted, changed ones get a new
 * version, unchanged ones are left; the centre's grid version is bumped (every process reloads its
 * index) and the open orders with a point get the grid the new outlines give them.
 */
export async function importParsedGrids(
  tx: Executor,
  centreId: string,
  grids: readonly ParsedGrid[],
  meta: { at: Date; by: string | null },
  options: GridImportOptions = {},
): Promise<GridImportResult> {
  const regionOf = await regionResolver(tx, centreId);
  const writes: GridWrite[] = grids.map((g, i) => ({
    code: g.code,
    name: g.name,
    regionId: regionOf(g.region, `${options.at ?? 'geojson'}.features[${i}].properties.region`),
    active: true,
    demo: options.demo ?? false,
    geometry: g.geometry,
  }));
  const existing = new Map((await selectAllGrids(tx, centreId)).map((g) => [g.code, g]));
  const stamp = { ...meta, source: options.source ?? 'import' };
  const fresh: GridWrite[] = [];
  const result: GridImportResult = { created: 0, updated: 0, unchanged: 0, deactivated: 0, ordersReassigned: 0 };
  for (const w of writes) {
    const old = existing.get(w.code);
    existing.delete(w.code);
    if (!old) {
      fresh.push(w);
      continue;
    }
    const same =
      old.active &&
      old.name === w.name &&
      old.region_id === w.regionId &&
      JSON.stringify(old.geometry) === JSON.stringify(w.geometry);
    if (same) {
      result.unchanged++;
      continue;
    }
    if (!(await updateGridVersion(tx, old.id, old.version, { ...w, demo: old.demo && (options.demo ?? false) }, stamp)))
      throw invalidField(`grid ${w.code}`, 'changed meanwhile');
    result.updated++;
  }
  if (options.replace)
    for (const old of existing.values()) {
      if (!old.active) continue;
      const ended = {
        code: old.code,
        name: old.name,
        regionId: old.region_id,
        active: false,
        demo: old.demo,
        geometry: old.geometry,
      };
      if (!(await updateGridVersion(tx, old.id, old.version, ended, stamp)))
        throw invalidField(`grid ${old.code}`, 'changed meanwhile');
      result.deactivated++;
    }
  await insertGrids(tx, centreId, fresh, stamp);
  result.created = fresh.length;
  await bumpGridVersion(tx, centreId);
  result.ordersReassigned = await reassignOpenOrders(tx, centreId);
  return result;
}

/** A file names a town/street region by its code or by its (unique) name. */
async function regionResolver(tx: Executor, centreId: string) {
  const regions = await listRegions(tx, centreId);
  const byCode = new Map(regions.map((r) => [r.code, r.id]));
  const byName = new Map<string, string | null>();
  for (const r of regions) byName.set(r.name, byName.has(r.name) ? null : r.id);
  return (nameOrCode: string, field: string): string => {
    const id = byCode.get(nameOrCode) ?? byName.get(nameOrCode);
    if (id === undefined) throw invalidField(field, 'unknown region');
    if (id === null) throw invalidField(field, 'ambiguous region name, use its code');
    return id;
  };
}

/** Open orders with a point get the grid of the current outlines; returns how many changed. */
export async function reassignOpenOrders(tx: Executor, centreId: string): Promise<number> {
  const shapes = await selectActiveGridShapes(tx, centreId);
  const index = new GridIndex(
    shapes.map((s) => ({ id: s.id, code: s.code, name: s.name, regionId: s.region_id, geometry: s.geometry })),
  );
  const moves = new Map<string | null, string[]>();
  for (const o of await selectOpenOrderPoints(tx, centreId)) {
    const gridId = index.locate({ lat: o.lat!, lng: o.lng! })?.id ?? null;
    if (gridId === o.grid_id) continue;
    moves.set(gridId, [...(moves.get(gridId) ?? []), o.id]);
  }
  let n = 0;
  for (const [gridId, ids] of moves) {
    await setOrdersGrid(tx, gridId, ids);
    n += ids.length;
  }
  return n;
}

/** GET /api/grids */
export async function listGrids(
  deps: Deps,
  actor: Actor,
  query: { regionId?: string; all?: boolean },
): Promise<{ items: GridView<Date>[] }> {
  requireReader(actor);
  const rows = await selectGridList(deps.db, actor.centreId, { regionId: query.regionId, activeOnly: query.all !== true });
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      regionId: r.region_id,
      regionName: r.region_name,
      version: r.version,
      active: r.active,
      demo: r.demo,
      updatedAt: r.updated_at,
    })),
  };
}

/** GET /api/grids/shapes: the active outlines for the map's grid layer. */
export async function gridShapes(deps: Deps, actor: Actor, query: { regionId?: string }): Promise<{ items: GridShape[] }> {
  requireReader(actor);
  const rows = await selectActiveGridShapes(deps.db, actor.centreId, query.regionId);
  return {
    items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, regionId: r.region_id, demo: r.demo, geometry: r.geometry })),
  };
}

/** GET /api/grids/locate: the grid of a point given in any of the three systems. */
export async function locatePoint(
  deps: Deps,
  actor: Actor,
  query: { lat: number; lng: number; coordSystem?: CoordSystem },
): Promise<GridLocateAnswer> {
  requireReader(actor);
  const point = toWgs84({ lat: query.lat, lng: query.lng }, query.coordSystem ?? 'wgs84');
  const grid = (await currentGridIndex(deps.db, actor.centreId)).locate(point);
  return { point, grid: grid ? { id: grid.id, code: grid.code, name: grid.name, regionId: grid.regionId } : null };
}

/** GET /api/grids/:id/versions */
export async function gridVersions(deps: Deps, actor: Actor, id: string): Promise<{ items: GridVersionView<Date>[] }> {
  requireReader(actor);
  const grid = await findGrid(deps.db, actor.centreId, id);
  if (!grid) throw notFound('grid');
  const rows = await selectGridVersions(deps.db, id);
  return {
    items: rows.map((r) => ({
      version: r.version,
      name: r.name,
      regionId: r.region_id,
      active: r.active,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      source: r.source,
    })),
  };
}
