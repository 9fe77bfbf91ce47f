import { describe, expect, it } from 'vitest';
import type { GridGeometry } from '../../src/contract/geo.js';
import { areaOf, checkOutline, mergeOutlines, ringIsSimple, splitOutline } from '../../src/geo/grid-edit.js';

// The console's grid geometry (ADR 0207): simple rings, a split that leaves no gap, a merge of neighbours.
const sq = (x0: number, y0: number, x1: number, y1: number): GridGeometry => ({
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
});

describe('grid editing geometry', () => {
  it('refuses crossing edges and a spike back along an edge, accepts a concave ring', () => {
    expect(ringIsSimple(sq(0, 0, 1, 1).coordinates[0]![0]!)).toBe(true);
    expect(
      ringIsSimple([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(false);
    expect(
      ringIsSimple([
        [0, 0],
        [1, 0],
        [2, 0],
        [0.5, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(false);
    expect(() =>
      checkOutline(
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [0, 0],
                [1, 0],
                [0.5, 0.2],
                [1, 1],
                [0, 1],
                [0, 0],
              ],
            ],
          ],
        },
        'g',
      ),
    ).not.toThrow();
    expect(() =>
      checkOutline(
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [0, 0],
                [1, 0],
                [2, 0],
                [0, 0],
              ],
            ],
          ],
        },
        'g',
      ),
    ).toThrow(/g/);
  });

  it('splits by a short line extended across the grid, pieces adding up to the whole', () => {
    const [a, b] = splitOutline(
      sq(0, 0, 1, 1),
      [
        [0.5, 0.4],
        [0.5, 0.6],
      ],
      'line',
    );
    expect(areaOf(a)).toBeCloseTo(0.5, 12);
    expect(areaOf(b)).toBeCloseTo(0.5, 12);
    const [c, d] = splitOutline(
      sq(0, 0, 1, 1),
      [
        [-1, 0.2],
        [0.5, 0.7],
        [2, 0.2],
      ],
      'line',
    );
    expect(areaOf(c) + areaOf(d)).toBeCloseTo(1, 12);
    expect(Math.min(areaOf(c), areaOf(d))).toBeGreaterThan(0.2);
    expect(() =>
      splitOutline(
        sq(0, 0, 1, 1),
        [
          [2, 0],
          [2, 1],
        ],
        'line',
      ),
    ).toThrow(/line/);
    expect(() =>
      splitOutline(
        sq(0, 0, 1, 1),
        [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        'line',
      ),
    ).toThrow(/line/);
  });

  it('merges neighbours into one polygon and refuses grids that do not touch', () => {
    const m = mergeOutlines(sq(0, 0, 1, 1), sq(1, 0, 2, 1), 'otherId');
    expect(m.coordinates).toHaveLength(1);
    expect(areaOf(m)).toBeCloseTo(2, 12);
    expect(() => mergeOutlines(sq(0, 0, 1, 1), sq(3, 0, 4, 1), 'otherId')).toThrow(/otherId/);
  });
});
