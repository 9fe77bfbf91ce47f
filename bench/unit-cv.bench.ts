import os from 'node:os';
import { demoUnitCrossValidation } from '../src/demo/demo-unit-cv.service.js';
import type { BenchSection } from './run.js';

/** Unit-suggestion accuracy (top 1 / top 3) on the demo history by 5-fold CV, with and without the region rule. */
export const unitCvBench: BenchSection = {
  name: 'unit-cv',
  description: '承办单位推荐准确率：演示历史 5 折交叉验证 / unit suggestion top-1/top-3 on the demo history (ADR 0086)',
  run: async () => {
    const r = await demoUnitCrossValidation({ folds: 5, days: 120, perDay: 8 });
    const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
    console.log(
      `rows ${r.rows}, units ${r.labels}, folds ${r.folds} (demo generated in ${r.generatedSeconds} s, CV ${r.cvSeconds} s)`,
    );
    console.log(`without region rule: top-1 ${pct(r.withoutRegion.top1)}, top-3 ${pct(r.withoutRegion.top3)}`);
    console.log(`with region rule:    top-1 ${pct(r.withRegion.top1)}, top-3 ${pct(r.withRegion.top3)}`);
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  },
};
