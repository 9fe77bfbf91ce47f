import { describe, expect, it } from 'vitest';
import { evaluateAll, KPI_DEFINITIONS } from '../../src/analytics/kpi/definitions.js';
import { zeroCounters } from '../../src/analytics/kpi/counters.js';
import { contiguousRuns, previousPeriod, weekOf } from '../../src/analytics/kpi/kpi-days.js';

describe('KPI definitions', () => {
  it('gives every KPI a unique key, names and a formula in both languages', () => {
    expect(new Set(KPI_DEFINITIONS.map((d) => d.key)).size).toBe(KPI_DEFINITIONS.length);
    for (const d of KPI_DEFINITIONS) {
      expect(d.zh.length * d.en.length * d.formula.zh.length * d.formula.en.length).toBeGreaterThan(0);
      if (d.kind === 'count') expect('denominator' in d).toBe(false);
      else expect(d.denominator?.length).toBeGreaterThan(0);
    }
  });

  it('evaluates the seed table: 办结率 94.94 %, null for an empty denominator', () => {
    const c = { ...zeroCounters(), direct: 2071, transferred: 3853, closed: 5624, accepted: 6924 };
    const k = evaluateAll(c);
    expect(k.closureRate).toEqual({ value: 5624 / 5924, numerator: 5624, denominator: 5924 });
    expect((k.closureRate.value! * 100).toFixed(2)).toBe('94.94');
    expect(k.answerRate.value).toBeNull();
    expect(k.acceptedCount).toEqual({ value: 6924, numerator: 6924, denominator: null });
  });
});

describe('KPI periods', () => {
  it('takes the previous calendar months for whole months, else the same number of days', () => {
    expect(previousPeriod('2021-05-01', '2021-07-31')).toEqual({ from: '2021-02-01', to: '2021-04-30' });
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod('2025-01-01', '2025-01-31')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(previousPeriod('2025-03-10', '2025-03-16')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
  });

  it('finds ISO weeks and runs of consecutive days', () => {
    expect(weekOf('2025-03-09')).toBe('2025-03-03'); // Sunday → Monday of its week
    expect(weekOf('2025-03-03')).toBe('2025-03-03');
    expect(contiguousRuns(['2025-03-05', '2025-03-03', '2025-03-04', '2025-03-09'])).toEqual([
      ['2025-03-03', '2025-03-05'],
      ['2025-03-09', '2025-03-09'],
    ]);
  });
});
