import { describe, expect, it } from 'vitest';
import { CENTRE_ONLY_KPIS, KPI_BETTER, KPI_KEYS, kpiChangeTone, type KpiKey } from '../../src/contract/kpi.js';

/** The expected reading of a rise, KPI by KPI, as a hotline director reads the dashboard. */
const RISE: Record<KpiKey, 'good' | 'bad' | 'neutral'> = {
  answerRate: 'good',
  answer15sRate: 'good',
  answeredCalls: 'neutral',
  intakeRate: 'good',
  acceptedCount: 'neutral',
  directCount: 'neutral',
  directRate: 'good',
  transferredCount: 'neutral',
  closedCount: 'good',
  closureRate: 'good',
  timelySignRate: 'good',
  responseRate: 'good',
  onTimeClosureRate: 'good',
  resolutionRate: 'good',
  satisfactionRate: 'good',
  returnRate: 'bad',
  rehandleRate: 'bad',
  repeatCallRate: 'bad',
  avgHandlingHours: 'bad',
  assistOnTimeRate: 'good',
  hopOnTimeRate: 'good',
};
const opposite = { good: 'bad', bad: 'good', neutral: 'neutral' } as const;

describe('KPI direction (KPI_BETTER, kpiChangeTone)', () => {
  it('declares a direction for exactly the KPI keys', () => {
    expect(Object.keys(KPI_BETTER).sort()).toEqual([...KPI_KEYS].sort());
  });

  it.each([...KPI_KEYS])('%s: a rise and a fall read the right way round, no change is neutral', (key) => {
    expect(kpiChangeTone(key, 0.05)).toBe(RISE[key]);
    expect(kpiChangeTone(key, -0.05)).toBe(opposite[RISE[key]]);
    expect(kpiChangeTone(key, 0)).toBe('neutral');
    expect(kpiChangeTone(key, null)).toBe('neutral');
  });

  it('a rise of 重办率/回退率/重复来电率 is bad and a fall of 平均办理时长 good (issue 13)', () => {
    expect(['rehandleRate', 'returnRate', 'repeatCallRate'].map((k) => kpiChangeTone(k as KpiKey, 0.01))).toEqual([
      'bad',
      'bad',
      'bad',
    ]);
    expect(kpiChangeTone('avgHandlingHours', -3)).toBe('good');
  });

  it('names the centre-only KPIs among the keys', () => {
    for (const key of CENTRE_ONLY_KPIS) expect(KPI_KEYS).toContain(key);
    expect(CENTRE_ONLY_KPIS.has('answerRate')).toBe(true);
    expect(CENTRE_ONLY_KPIS.has('responseRate')).toBe(false);
  });
});
