import os from 'node:os';
import type { GridGeometry } from '../src/contract/geo.js';
import { GridIndex } from '../src/geo/grid-index.js';
import { percentile } from './bench-db.js';
import type { BenchSection } from './run.js';

/**
 * Point → grid (issue 18, ADR 0185): 1,000,000 look-ups against 25,000 grid polygons (the seeds'
 * 2.55 万 grids). The grids tile a 158 × 158 lattice of jittered cells over Xilingol; each cell's
 * edges carry 3 jittered points shared with its neighbour (16 corners a grid, borders that meet exactly).
 * The look-up is in the application on both databases, so this measures the whole of it.
 */
const SIDE = 158; // 158² = 24,964 ≈ 25,000
const LOOKUPS = 1_000_000;
const ORIGIN = { lng: 111.0, lat: 41.5 };
const CELL = { lng: 8.0 / SIDE, lat: 4.5 / SIDE };

/** A deterministic hash in [0, 1) of integers. */
const hash = (...n: number[]) => {
  let h = 2166136261;
  for (const x of n) h = Math.imul(h ^ (x + 0x9e3779b9), 16777619);
  return ((h >>> 0) % 1_000_003) / 1_000_003;
};

const corner = (i: number, j: number) => [
  ORIGIN.lng + (i + (i > 0 && i < SIDE ? (hash(i, j, 1) - 0.5) * 0.3 : 0)) * CELL.lng,
  ORIGIN.lat + (j + (j > 0 && j < SIDE ? (hash(i, j, 2) - 0.5) * 0.3 : 0)) * CELL.lat,
];

/** Points along an edge (a → b, keyed by the edge so both neighbours get the same ones). */
function edge(a: number[], b: number[], key: number[]): number[][] {
  const out: number[][] = [];
  for (let k = 1; k <= 3; k++) {
    const t = k / 4;
    const wobble = (hash(...key, k) - 0.5) * 0.1;
    out.push([a[0]! + (b[0]! - a[0]!) * t - (b[1]! - a[1]!) * wobble, a[1]! + (b[1]! - a[1]!) * t + (b[0]! - a[0]!) * wobble]);
  }
  return out;
}

function cell(i: number, j: number): GridGeometry {
  const sw = corner(i, j);
  const se = corner(i + 1, j);
  const ne = corner(i + 1, j + 1);
  const nw = corner(i, j + 1);
  const south = edge(sw, se, [i, j, 10]);
  const east = edge(se, ne, [i + 1, j, 11]);
  const north = edge(nw, ne, [i, j + 1, 10]).reverse();
  const west = edge(sw, nw, [i, j, 11]).reverse();
  return { type: 'MultiPolygon', coordinates: [[[sw, ...south, se, ...east, ne, ...north, nw, ...west, sw]]] };
}

export const gridsBench: BenchSection = {
  name: 'grids',
  description: 'point → grid: 1,000,000 look-ups against 25,000 grid polygons (p95 < 1 ms)',
  run: async () => {
    const grids = [];
    for (let i = 0; i < SIDE; i++)
      for (let j = 0; j < SIDE; j++)
        grids.push({
          id: `${i}:${j}`,
          code: `G${String(i).padStart(3, '0')}${String(j).padStart(3, '0')}`,
          name: '',
          regionId: 'r',
          geometry: cell(i, j),
        });
    let t = performance.now();
    const index = new GridIndex(grids);
    const buildMs = performance.now() - t;
    const times = new Float64Array(LOOKUPS);
    let hits = 0;
    let right = 0;
    let checked = 0;
    t = performance.now();
    for (let n = 0; n < LOOKUPS; n++) {
      // 95 % inside the area, 5 % around it (orders with a point outside every grid).
      const lng = ORIGIN.lng - 0.2 + hash(n, 7) * (SIDE * CELL.lng + 0.4);
      const lat = ORIGIN.lat - 0.1 + hash(n, 8) * (SIDE * CELL.lat + 0.2);
      const s = performance.now();
      const g = index.locate({ lng, lat });
      times[n] = performance.now() - s;
      if (g) {
        hits++;
        // Cells' centres are far from their jittered borders: check the answer there.
        const i = Math.floor((lng - ORIGIN.lng) / CELL.lng);
        const j = Math.floor((lat - ORIGIN.lat) / CELL.lat);
        const fx = (lng - ORIGIN.lng) / CELL.lng - i;
        const fy = (lat - ORIGIN.lat) / CELL.lat - j;
        if (fx > 0.3 && fx < 0.7 && fy > 0.3 && fy < 0.7) {
          checked++;
          if (g.id === `${i}:${j}`) right++;
        }
      }
    }
    const totalMs = performance.now() - t;
    const sorted = Array.from(times).sort((a, b) => a - b);
    const ms = (v: number) => `${(v * 1000).toFixed(1)} µs`;
    console.log(`  machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), shared`);
    console.log(`  ${grids.length} grids × 16 corners; index built in ${buildMs.toFixed(0)} ms`);
    console.log(
      `  ${LOOKUPS} look-ups in ${(totalMs / 1000).toFixed(2)} s (${Math.round(LOOKUPS / (totalMs / 1000))}/s); ${hits} in a grid`,
    );
    console.log(
      `  per look-up: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1]!)}`,
    );
    console.log(`  cell-centre check: ${right}/${checked} answered the cell the point lies in`);
    console.log(`  p95 < 1 ms: ${percentile(sorted, 95) < 1 ? 'yes' : 'NO'}`);
  },
};
