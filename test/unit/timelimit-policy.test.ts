import { describe, expect, it } from 'vitest';
import { resolveRule } from '../../src/timelimits/policy-resolution.js';
import { banbuchengRules, type LimitRule } from '../../src/timelimits/default-policies.js';
import { nextCheckAt } from '../../src/timelimits/deadline-plan.js';

const facts = (appealType: string, priority: number, categoryChain: string[] = []) => ({ appealType, priority, categoryChain });
const admin = (id: string, r: Partial<LimitRule>): LimitRule & { id: string } => ({
  id,
  stage: 'reply',
  appealType: null,
  priority: null,
  categoryId: null,
  amount: 1,
  unit: 'working_days',
  note: null,
  ...r,
});

describe('time-limit policy resolution (most specific wins)', () => {
  it('falls back to the defaults of domain.md', () => {
    expect(resolveRule([], 'sign', facts('help', 1))).toMatchObject({ source: 'default', amount: 15, unit: 'minutes' });
    expect(resolveRule([], 'reply', facts('help', 3))).toMatchObject({ amount: 5, unit: 'working_days' });
    expect(resolveRule([], 'reply', facts('consult', 3))).toMatchObject({ amount: 1, unit: 'working_days' });
    expect(resolveRule([], 'reply', facts('complaint', 3))).toMatchObject({ amount: 10, unit: 'working_days' });
    expect(resolveRule([], 'reply', facts('help', 4))).toMatchObject({ amount: 15, unit: 'working_days' });
    expect(resolveRule([], 'reply', facts('help', 2))).toMatchObject({ amount: 24, unit: 'hours' });
    expect(resolveRule([], 'dispatch', facts('help', 1))).toMatchObject({ amount: 1, unit: 'hours' });
  });

  it('an admin rule beats the default; more matchers beat fewer; category beats type beats priority', () => {
    const rules = [
      admin('p3', { priority: 3, amount: 7 }),
      admin('help', { appealType: 'help', amount: 8 }),
      admin('cat', { categoryId: 'leaf', amount: 9 }),
      admin('help-p3', { appealType: 'help', priority: 3, amount: 4 }),
      admin('parent', { categoryId: 'root', amount: 11 }),
    ];
    expect(resolveRule(rules, 'reply', facts('help', 3, ['leaf', 'root'])).policyId).toBe('help-p3');
    expect(resolveRule(rules, 'reply', facts('help', 2, ['leaf', 'root'])).policyId).toBe('cat');
    expect(resolveRule(rules, 'reply', facts('help', 2, ['other', 'root'])).policyId).toBe('parent');
    expect(resolveRule(rules, 'reply', facts('help', 2, [])).policyId).toBe('help');
    expect(resolveRule(rules, 'reply', facts('report', 3, [])).policyId).toBe('p3');
    expect(resolveRule(rules, 'reply', facts('report', 1, [])).source).toBe('default');
    expect(resolveRule(rules, 'sign', facts('help', 3, ['leaf'])).source).toBe('default');
  });

  it('the 办不成事 preset: 即办 / 2 / 5 working days by priority for one category', () => {
    const rules = banbuchengRules('bbc').map((r, i) => ({ ...r, id: `b${i}` }));
    expect(resolveRule(rules, 'reply', facts('help', 1, ['bbc']))).toMatchObject({ amount: 0, unit: 'working_days' });
    expect(resolveRule(rules, 'reply', facts('complaint', 3, ['bbc']))).toMatchObject({ amount: 2 });
    expect(resolveRule(rules, 'reply', facts('help', 4, ['bbc']))).toMatchObject({ amount: 5 });
    expect(resolveRule(rules, 'reply', facts('help', 4, ['other'])).source).toBe('default');
  });

  it('the sweep key is the earliest threshold that has not fired', () => {
    const t = (iso: string) => new Date(iso);
    const base = {
      warn_at: t('2025-01-01T00:00:00Z'),
      urge_at: t('2025-01-02T00:00:00Z'),
      due_at: t('2025-01-03T00:00:00Z'),
      supervise_at: t('2025-01-04T00:00:00Z'),
      leader_at: null,
      yellow_fired_at: null,
      urge_fired_at: null,
      red_fired_at: null,
      supervise_fired_at: null,
      leader_fired_at: null,
    };
    expect(nextCheckAt(base)).toEqual(base.warn_at);
    expect(nextCheckAt({ ...base, yellow_fired_at: base.warn_at })).toEqual(base.urge_at);
    const all = { yellow_fired_at: t('2025-01-05T00:00:00Z'), urge_fired_at: base.urge_at, red_fired_at: base.due_at };
    expect(nextCheckAt({ ...base, ...all, supervise_fired_at: base.supervise_at })).toBeNull();
  });
});
