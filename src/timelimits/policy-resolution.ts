import type { LimitRule } from './default-policies.js';
import { DEFAULT_RULES } from './default-policies.js';
import type { Stage } from './timelimits.table.js';

export interface OrderFacts {
  appealType: string;
  priority: number;
  /** The order's category and its ancestors, nearest first. */
  categoryChain: readonly string[];
}

export interface ResolvedRule extends LimitRule {
  /** 'task': the deadline a task set itself (a hop's, an assisting unit's; ADR 0152). */
  source: 'policy' | 'default' | 'task';
  policyId: string | null;
  specificity: number;
}

/**
 * Specificity: each matcher counts 10; ties go to category over appeal type over priority, and a
 * nearer category over an ancestor. A rule that names something the order lacks never matches.
 */
function specificity(rule: LimitRule, facts: OrderFacts): number | null {
  if (rule.appealType !== null && rule.appealType !== facts.appealType) return null;
  if (rule.priority !== null && rule.priority !== facts.priority) return null;
  let score = 0;
  if (rule.categoryId !== null) {
    const depth = facts.categoryChain.indexOf(rule.categoryId);
    if (depth < 0) return null;
    score += 10 + 4 + (facts.categoryChain.length - depth) / 100;
  }
  if (rule.appealType !== null) score += 10 + 2;
  if (rule.priority !== null) score += 10 + 1;
  return score;
}

function best(rules: readonly (LimitRule & { id?: string })[], stage: Stage, facts: OrderFacts) {
  let winner: { rule: LimitRule & { id?: string }; score: number } | null = null;
  for (const r of rules) {
    if (r.stage !== stage) continue;
    const score = specificity(r, facts);
    if (score !== null && (winner === null || score > winner.score)) winner = { rule: r, score };
  }
  return winner;
}

/** The admin's most specific matching rule, else the built-in default for the stage. */
export function resolveRule(adminRules: readonly (LimitRule & { id: string })[], stage: Stage, facts: OrderFacts): ResolvedRule {
  const admin = best(adminRules, stage, facts);
  if (admin) return { ...admin.rule, source: 'policy', policyId: admin.rule.id ?? null, specificity: admin.score };
  const fallback = best(DEFAULT_RULES, stage, facts);
  if (!fallback) throw new Error(`no default time limit for stage ${stage}`);
  return { ...fallback.rule, source: 'default', policyId: null, specificity: fallback.score };
}
