import type { CoordSystem, GridEditAnswer, GridGeometry } from '../contract/geo.js';
import type { Executor } from '../db/database.js';
import { listRegions } from '../org/catalog.repository.js';
import { positionToWgs84 } from '../shared/coordinates.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { checkOutline, mergeOutlines, MIN_AREA, overlapArea, splitOutline } from './grid-edit.js';
import { readGeometry } from './grid-geojson.js';
import {
  bumpGridVersion,
  findGrid,
  findGridByCode,
  insertGrids,
  selectActiveGridShapes,
  updateGridVersion,
  type GridWrite,
} from './grid.repository.js';
import { reassignOpenOrders } from './grid.service.js';

// 网格编辑 (issue 18, ADR 0207): the console draws a grid, edits its name, town or outline, splits it
// by a drawn line and merges two neighbours. Every edit is a new version of each grid it touches
// (grid_versions: who, when, `console:…`), checked like an import and more: a simple polygon with area,
// no overlap with another active grid, a town of the centre; then the open orders are re-assigned.
// The administrative-act hook writes the audit row in the same transaction (ADR 0199).

type GeometryInput = { type: string; coordinates: unknown };

interface Stamp {
  at: Date;
  by: string | null;
  source: string;
}

const requireManager = (actor: Actor) => {
  if (!can(actor, 'catalog.manage')) throw forbidden();
};

function readOutline(g: GeometryInput, from: CoordSystem, field: string): GridGeometry {
  const geometry = readGeometry(g, from, field);
  checkOutline(geometry, field);
  return geometry;
}

async function requireTown(tx: Executor, centreId: string, regionId: string, field: string) {
  const regions = await listRegions(tx, centreId);
  if (!regions.some((r) => r.id === regionId)) throw invalidField(field, 'unknown region');
}

/** 400 naming `field` when the outline covers an active grid other than those in `except`. */
async function refuseOverlap(tx: Executor, centreId: string, g: GridGeometry, except: readonly string[], field: string) {
  for (const other of await selectActiveGridShapes(tx, centreId)) {
    if (except.includes(other.id)) continue;
    if (overlapArea(g, other.geometry) > MIN_AREA)
      throw domainError('VALIDATION', 'grid.overlaps', { field, code: other.code, name: other.name }, { field });
  }
}

async function editable(tx: Executor, centreId: string, id: string, version: number) {
  const grid = await findGrid(tx, centreId, id);
  if (!grid) throw notFound('grid');
  if (!grid.active) throw domainError('CONFLICT', 'grid.ended', { code: grid.code });
  if (grid.version !== version) throw domainError('CONFLICT', 'grid.staleVersion', { code: grid.code, version: grid.version });
  return grid;
}

async function writeVersion(tx: Executor, grid: { id: string; version: number; code: string }, w: GridWrite, stamp: Stamp) {
  if (!(await updateGridVersion(tx, grid.id, grid.version, w, stamp)))
    throw domainError('CONFLICT', 'grid.staleVersion', { code: grid.code, version: grid.version + 1 });
}

async function requireFreeCode(tx: Executor, centreId: string, code: string, field: string) {
  if (await findGridByCode(tx, centreId, code)) throw domainError('VALIDATION', 'grid.codeTaken', { code }, { field });
}

async function finish(tx: Executor, centreId: string, ids: readonly string[]): Promise<GridEditAnswer> {
  await bumpGridVersion(tx, centreId);
  const ordersReassigned = await reassignOpenOrders(tx, centreId);
  const grids = [];
  for (const id of ids) {
    const g = (await findGrid(tx, centreId, id))!;
    grids.push({ id: g.id, code: g.code, name: g.name, regionId: g.region_id, version: g.version, active: g.active });
  }
  return { grids, ordersReassigned };
}

const stampOf = (deps: Deps, actor: Actor, what: string): Stamp => ({
  at: deps.clock.now(),
  by: actor.userId,
  source: `console:${what}`,
});

/** POST /api/grids: a grid drawn in the console (version 1). */
export async function createGrid(
  deps: Deps,
  actor: Actor,
  input: { code: string; name: string; regionId: string; geometry: GeometryInput; coordSystem?: CoordSystem },
): Promise<GridEditAnswer> {
  requireManager(actor);
  const geometry = readOutline(input.geometry, input.coordSystem ?? 'wgs84', 'geometry');
  return deps.db.transaction().execute(async (tx) => {
    await requireTown(tx, actor.centreId, input.regionId, 'regionId');
    await requireFreeCode(tx, actor.centreId, input.code, 'code');
    await refuseOverlap(tx, actor.centreId, geometry, [], 'geometry');
    const write: GridWrite = {
      code: input.code,
      name: input.name,
      regionId: input.regionId,
      active: true,
      demo: false,
      geometry,
    };
    await insertGrids(tx, actor.centreId, [write], stampOf(deps, actor, 'draw'));
    const created = (await findGridByCode(tx, actor.centreId, input.code))!;
    return finish(tx, actor.centreId, [created.id]);
  });
}

/** PATCH /api/grids/:id: a new name, town or outline (or ended: `active: false`) as the next version. */
export async function editGrid(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string;
    regionId?: string;
    geometry?: GeometryInput;
    coordSystem?: CoordSystem;
    active?: boolean;
  },
): Promise<GridEditAnswer> {
  requireManager(actor);
  const geometry = input.geometry ? readOutline(input.geometry, input.coordSystem ?? 'wgs84', 'geometry') : undefined;
  return deps.db.transaction().execute(async (tx) => {
    const grid = await editable(tx, actor.centreId, id, input.version);
    if (input.regionId !== undefined) await requireTown(tx, actor.centreId, input.regionId, 'regionId');
    if (geometry) await refuseOverlap(tx, actor.centreId, geometry, [grid.id], 'geometry');
    const write: GridWrite = {
      code: grid.code,
      name: input.name ?? grid.name,
      regionId: input.regionId ?? grid.region_id,
      active: input.active ?? true,
      demo: grid.demo && !geometry,
      geometry: geometry ?? grid.geometry,
    };
    await writeVersion(tx, grid, write, stampOf(deps, actor, input.active === false ? 'end' : 'edit'));
    return finish(tx, actor.centreId, [grid.id]);
  });
}

/**
 * POST /api/grids/:id/split: the grid keeps the piece on one side of the drawn line (its next version),
 * the other piece becomes a new grid `code` / `name` of the same town (version 1).
 */
export async function splitGrid(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; line: number[][]; code: string; name: string; coordSystem?: CoordSystem },
): Promise<GridEditAnswer> {
  requireManager(actor);
  const from = input.coordSystem ?? 'wgs84';
  const line = input.line.map((p, i) => {
    const [lng, lat] = p;
    if (p.length < 2 || !(Math.abs(lng!) <= 180) || !(Math.abs(lat!) <= 90)) throw invalidField(`line[${i}]`, 'position');
    return positionToWgs84([lng!, lat!], from);
  });
  return deps.db.transaction().execute(async (tx) => {
    const grid = await editable(tx, actor.centreId, id, input.version);
    await requireFreeCode(tx, actor.centreId, input.code, 'code');
    const [kept, cut] = splitOutline(grid.geometry, line, 'line');
    const stamp = stampOf(deps, actor, 'split');
    await writeVersion(
      tx,
      grid,
      { code: grid.code, name: grid.name, regionId: grid.region_id, active: true, demo: false, geometry: kept },
      stamp,
    );
    const write: GridWrite = {
      code: input.code,
      name: input.name,
      regionId: grid.region_id,
      active: true,
      demo: false,
      geometry: cut,
    };
    await insertGrids(tx, actor.centreId, [write], stamp);
    const created = (await findGridByCode(tx, actor.centreId, input.code))!;
    return finish(tx, actor.centreId, [grid.id, created.id]);
  });
}

/**
 * POST /api/grids/:id/merge: the grid takes in a neighbour of the same town (its next version is the
 * union); the neighbour is ended (an inactive version). Grids that do not touch are a 400 on `otherId`.
 */
export async function mergeGrids(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; otherId: string; otherVersion: number; name?: string },
): Promise<GridEditAnswer> {
  requireManager(actor);
  if (input.otherId === id) throw invalidField('otherId', 'the same grid');
  return deps.db.transaction().execute(async (tx) => {
    const grid = await editable(tx, actor.centreId, id, input.version);
    const other = await findGrid(tx, actor.centreId, input.otherId);
    if (!other) throw invalidField('otherId', 'unknown grid');
    await editable(tx, actor.centreId, other.id, input.otherVersion);
    if (other.region_id !== grid.region_id) throw invalidField('otherId', 'a grid of another town');
    const merged = mergeOutlines(grid.geometry, other.geometry, 'otherId');
    const stamp = stampOf(deps, actor, 'merge');
    await writeVersion(
      tx,
      grid,
      { code: grid.code, name: input.name ?? grid.name, regionId: grid.region_id, active: true, demo: false, geometry: merged },
      stamp,
    );
    await writeVersion(
      tx,
      other,
      {
        code: other.code,
        name: other.name,
        regionId: other.region_id,
        active: false,
        demo: other.demo,
        geometry: other.geometry,
      },
      stamp,
    );
    return finish(tx, actor.centreId, [grid.id, other.id]);
  });
}
