import { describe, expect, it } from 'vitest';
import { demoUnitCrossValidation } from '../../src/demo/demo-unit-cv.service.js';

/** `lianxin nlp unit-cv` and `npm run bench unit-cv`: the CV runs on a small demo history and reports sane shares. */
describe('unit suggestion cross-validation on the demo history', () => {
  it('reports top-1 ≤ top-3 in [0, 1], and the region rule does not lower top-3', async () => {
    const r = await demoUnitCrossValidation({ folds: 5, days: 30, perDay: 8 });
    expect(r.rows).toBeGreaterThan(50);
    expect(r.labels).toBeGreaterThan(2);
    for (const figures of [r.withoutRegion, r.withRegion]) {
      expect(figures.top1).toBeGreaterThanOrEqual(0);
      expect(figures.top3).toBeLessThanOrEqual(1);
      expect(figures.top3).toBeGreaterThanOrEqual(figures.top1);
    }
    expect(r.withRegion.top3).toBeGreaterThanOrEqual(r.withoutRegion.top3);
    expect(r.withRegion.top1).toBeGreaterThan(0.3);
  }, 600_000);
});
