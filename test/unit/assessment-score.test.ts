import { describe, expect, it } from 'vitest';
import { zeroCounters } from '../../src/analytics/kpi/counters.js';
import { DEFAULT_ASSESSMENT_CONFIG } from '../../src/analytics/assessment/assessment-config.js';
import { rankScores, scoreUnits, type OrderFacts } from '../../src/analytics/assessment/assessment-score.js';

const counters = (c: Partial<ReturnType<typeof zeroCounters>>) => ({ ...zeroCounters(), ...c });
const fact = (orderId: string, unitId: string, f: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId,
  unitId,
  overdue: false,
  rehandles: 0,
  visitsValid: 0,
  visitsSatisfied: 0,
  visitsBasic: 0,
  visitsResolved: 0,
  ...f,
});

describe('scoreUnits', () => {
  it('re-weights over the indicators that apply when a unit had no return visits', () => {
    const [s] = scoreUnits(
      [{ unitId: 'u', unitName: 'U', counters: counters({ transferred: 4, responded_on_time: 3 }) }],
      [],
      [],
      () => false,
      DEFAULT_ASSESSMENT_CONFIG,
    );
    // Only 响应率 applies (no valid visits, no assisting tasks): 30 × 0.75 / 30 = 75.
    expect(s!.indicators.map((i) => i.value)).toEqual([0.75, null, null, null]);
    expect(s!.baseScore).toBe(75);
  });

  it('weighs 协办按时率 only for a unit that had assisting tasks (ADR 0120)', () => {
    const [s] = scoreUnits(
      [
        {
          unitId: 'u',
          unitName: 'U',
          counters: counters({ transferred: 4, responded_on_time: 3, assist_tasks: 2, assist_on_time: 1 }),
        },
      ],
      [],
      [],
      () => false,
      DEFAULT_ASSESSMENT_CONFIG,
    );
    // 响应率 0.75 × 30 and 协办按时率 0.5 × 10 over the weights that apply (40): 27.5 / 40 = 68.75.
    expect(s!.indicators.map((i) => i.value)).toEqual([0.75, null, null, 0.5]);
    expect(s!.baseScore).toBe(68.75);
  });

  it('never goes below zero, and counts deductions per order, per return and per re-handling', () => {
    const [s] = scoreUnits(
      [{ unitId: 'u', unitName: 'U', counters: counters({ transferred: 1, visits_valid: 1 }) }],
      [
        fact('o1', 'u', { overdue: true, rehandles: 2 }),
        fact('o2', 'u', { overdue: true }),
        fact('o3', 'other', { overdue: true }),
      ],
      [
        { orderId: 'o1', unitId: 'u' },
        { orderId: 'o9', unitId: 'u' },
      ],
      () => false,
      { ...DEFAULT_ASSESSMENT_CONFIG, deductions: { overdue: 10, return: 1, rehandle: 2 } },
    );
    expect(s!.deductions).toEqual({ overdue: 2, returns: 2, rehandles: 2 });
    expect(s!.deductionPoints).toBe(26);
    expect(s!.baseScore).toBe(0);
    expect(s!.score).toBe(0);
  });

  it('takes an excluded order out of the rating counters and its deductions', () => {
    const [s] = scoreUnits(
      [{ unitId: 'u', unitName: 'U', counters: counters({ visits_valid: 2, visits_satisfied: 1, visits_resolved: 1 }) }],
      [
        fact('bad', 'u', { overdue: true, visitsValid: 1 }),
        fact('ok', 'u', { visitsValid: 1, visitsSatisfied: 1, visitsResolved: 1 }),
      ],
      [{ orderId: 'bad', unitId: 'u' }],
      (orderId) => orderId === 'bad',
      DEFAULT_ASSESSMENT_CONFIG,
    );
    expect(s!.counters.visits_valid).toBe(1);
    expect(s!.indicators.map((i) => i.value)).toEqual([null, 1, 1, null]);
    expect(s!.deductions).toEqual({ overdue: 0, returns: 0, rehandles: 0 });
    expect(s!.excludedOrders).toBe(1);
    expect(s!.score).toBe(100);
  });
});

describe('rankScores', () => {
  it('gives equal scores the same rank and leaves units without a score unranked, last', () => {
    const base = {
      baseScore: null,
      deductionPoints: 0,
      indicators: [],
      deductions: { overdue: 0, returns: 0, rehandles: 0 },
      counters: zeroCounters(),
      excludedOrders: 0,
      rank: null,
      parentUnitId: null,
    };
    const ranked = rankScores([
      { ...base, unitId: 'a', unitName: '甲', score: 80 },
      { ...base, unitId: 'b', unitName: '乙', score: null },
      { ...base, unitId: 'c', unitName: '丙', score: 90 },
      { ...base, unitId: 'd', unitName: '丁', score: 80 },
      { ...base, unitId: 'e', unitName: '戊', score: 70 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 1],
      ['d', 2],
      ['a', 2],
      ['e', 4],
      ['b', null],
    ]);
  });
});
