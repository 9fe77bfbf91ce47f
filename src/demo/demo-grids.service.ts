import type { Executor } from '../db/database.js';
import type { GridGeometry } from '../contract/geo.js';
import type { ParsedGrid } from '../geo/grid-geojson.js';
import { importParsedGrids } from '../geo/grid.service.js';
import { listRegions } from '../org/catalog.repository.js';
import { selectAllGrids } from '../geo/grid.repository.js';
import { insertGridPerson } from '../geo/verification.repository.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { Clock } from '../shared/clock.js';
import { COUNTIES } from './demo-org.data.js';
import { COUNTY_SEATS, DEMO_GRID_DEG, DEMO_GRID_SIDE, DEMO_TOWN_RING_DEG } from './demo-grids.data.js';

/** The centre of a demo town: its county's seat for the first town, a ring around it for the others. */
export function demoTownCentre(county: string, townIndex: number, towns: number): { lng: number; lat: number } {
  const seat = COUNTY_SEATS[county];
  if (!seat) throw new Error(`demo grids: no seat for ${county}`);
  if (townIndex === 0) return seat;
  const angle = (2 * Math.PI * (townIndex - 1)) / Math.max(1, towns - 1);
  return { lng: seat.lng + DEMO_TOWN_RING_DEG * Math.cos(angle), lat: seat.lat + DEMO_TOWN_RING_DEG * 0.75 * Math.sin(angle) };
}

const square = (x0: number, y0: number): GridGeometry => {
  const x1 = x0 + DEMO_GRID_DEG.lng;
  const y1 = y0 + DEMO_GRID_DEG.lat;
  return {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    ],
  };
};

/** 2 × 2 grids centred on each town of every county: demo geography, marked demo = true. */
export function demoGrids(regionCodeOf: (county: string, town: string) => string): ParsedGrid[] {
  const grids: ParsedGrid[] = [];
  for (const c of COUNTIES)
    c.towns.forEach((town, t) => {
      const centre = demoTownCentre(c.name, t, c.towns.length);
      const x0 = centre.lng - (DEMO_GRID_SIDE * DEMO_GRID_DEG.lng) / 2;
      const y0 = centre.lat - (DEMO_GRID_SIDE * DEMO_GRID_DEG.lat) / 2;
      const region = regionCodeOf(c.name, town);
      let n = 0;
      for (let row = 0; row < DEMO_GRID_SIDE; row++)
        for (let col = 0; col < DEMO_GRID_SIDE; col++)
          grids.push({
            code: `DEMO-${region}-${++n}`,
            name: `${town}第${n}网格（演示网格）`,
            region,
            geometry: square(x0 + col * DEMO_GRID_DEG.lng, y0 + row * DEMO_GRID_DEG.lat),
          });
    });
  return grids;
}

/** Seeds the demo grids in the organisation's transaction; returns how many. */
export async function seedDemoGrids(tx: Executor, clock: Clock, centreId: string): Promise<number> {
  const regions = await listRegions(tx, centreId);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const codeOf = new Map(regions.filter((r) => r.parent_id).map((r) => [`${byId.get(r.parent_id!)!.name}/${r.name}`, r.code]));
  const grids = demoGrids((county, town) => codeOf.get(`${county}/${town}`)!);
  const result = await importParsedGrids(tx, centreId, grids, { at: clock.now(), by: null }, { demo: true, source: 'demo' });
  // The demo grid worker works the grids of 希日塔拉街道 (its account is made with the organisation);
  // the demo 联户长 (gridreporter) is the household head of its first grid and reports from there.
  const worker = await findUserByUsername(tx, 'gridworker');
  const reporter = await findUserByUsername(tx, 'gridreporter');
  const town = codeOf.get('锡林浩特市/希日塔拉街道');
  if (!town) return result.created;
  const person = (gridId: string, user: { id: string; display_name: string }, role: 'worker' | 'household_head') =>
    insertGridPerson(tx, { centreId, gridId, userId: user.id, role, name: user.display_name, at: clock.now() });
  for (const g of await selectAllGrids(tx, centreId)) {
    if (!g.code.startsWith(`DEMO-${town}-`)) continue;
    if (worker) await person(g.id, worker, 'worker');
    if (reporter && g.code === `DEMO-${town}-1`) await person(g.id, reporter, 'household_head');
  }
  return result.created;
}
