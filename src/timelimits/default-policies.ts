import type { EscalationSettings, LimitRule } from '../contract/timelimits.js';
import { STAGES as POLICY_STAGES, TASK_STAGES, type PolicyStage } from '../contract/vocabulary.js';
import type { LimitUnit, Stage } from './timelimits.table.js';

export type { EscalationSettings, LimitRule } from '../contract/timelimits.js';

/** The stages a centre sets rules for (the task clocks take their deadline from the task, ADR 0152). */
export const STAGES: readonly PolicyStage[] = POLICY_STAGES;
export const LIMIT_UNITS: readonly LimitUnit[] = ['minutes', 'hours', 'working_hours', 'working_days'];
/** Stages a handling unit answers for: these get 催办, 督办单 and 领导盯办, not just warnings. */
export const UNIT_STAGES: readonly Stage[] = ['sign', 'contact', 'reply'];
/** Every clock someone in a unit answers for: the unit stages and the task clocks (ADR 0152). */
export const ANSWERING_STAGES: readonly Stage[] = [...UNIT_STAGES, ...TASK_STAGES];

const rule = (
  stage: PolicyStage,
  priority: number | null,
  amount: number,
  unit: LimitUnit,
  note: string,
  appealType: string | null = null,
): LimitRule => ({ stage, priority, appealType, categoryId: null, amount, unit, note });

/**
 * Built-in limits (docs/domain.md "Time limits"), used when no admin rule matches. Hour limits of
 * priorities 1–2 are wall-clock (24/7); priorities 3–4 count working days of the PRC calendar.
 */
export const DEFAULT_RULES: readonly LimitRule[] = [
  rule('dispatch', 1, 1, 'hours', '紧急件 1 小时内派单'),
  rule('dispatch', 2, 2, 'hours', '水电气热等 2 小时内派单'),
  rule('dispatch', null, 24, 'hours', '一般件 24 小时内派单'),
  rule('sign', 1, 15, 'minutes', '紧急件 15 分钟内签收'),
  rule('sign', 2, 30, 'minutes', '水电气热等 30 分钟内签收'),
  rule('sign', null, 1, 'working_days', '1 个工作日内签收'),
  rule('contact', 1, 30, 'minutes', '紧急件 30 分钟内联系群众'),
  rule('contact', 2, 2, 'hours', '2 小时内联系群众'),
  rule('contact', null, 1, 'working_days', '1 个工作日内联系群众'),
  rule('reply', 1, 2, 'hours', '紧急件 2 小时内反馈'),
  rule('reply', 2, 24, 'hours', '水电气热等 24 小时内反馈'),
  rule('reply', 3, 5, 'working_days', '一般件 5 个工作日内办结'),
  rule('reply', 3, 1, 'working_days', '咨询件 1 个工作日内答复', 'consult'),
  rule('reply', 3, 10, 'working_days', '投诉件 10 个工作日内办结', 'complaint'),
  rule('reply', 3, 10, 'working_days', '举报件 10 个工作日内办结', 'report'),
  rule('reply', 4, 15, 'working_days', '疑难复杂件 15 个工作日（经批准）'),
  rule('review', 1, 1, 'hours', '紧急件 1 小时内审核'),
  rule('review', 2, 4, 'hours', '4 小时内审核'),
  rule('review', null, 1, 'working_days', '1 个工作日内审核'),
  rule('visit', 1, 24, 'hours', '24 小时内回访'),
  rule('visit', 2, 24, 'hours', '24 小时内回访'),
  rule('visit', null, 2, 'working_days', '2 个工作日内回访'),
  rule('check', 1, 4, 'hours', '紧急件 4 小时内核查'),
  rule('check', null, 1, 'working_days', '1 个工作日内核查不满意评价'),
];

/**
 * The seeds' 办不成事 window for one category: simple items at once (即办, the same working day),
 * general items with feedback within 2 working days, complex items progress feedback within 5.
 * Priorities 1–2 are the simple items, 3 general, 4 complex.
 */
export function banbuchengRules(categoryId: string): LimitRule[] {
  return [
    { ...rule('reply', 1, 0, 'working_days', '办不成事：简单事项即收即转即办'), categoryId },
    { ...rule('reply', 2, 0, 'working_days', '办不成事：简单事项即收即转即办'), categoryId },
    { ...rule('reply', 3, 2, 'working_days', '办不成事：一般事项 2 个工作日内整改反馈'), categoryId },
    { ...rule('reply', 4, 5, 'working_days', '办不成事：复杂事项 5 个工作日内反馈进展'), categoryId },
  ];
}

export const DEFAULT_ESCALATION: EscalationSettings = {
  yellowShare: 0.75,
  urgeShare: 0.9,
  superviseAfterWorkingDays: 1,
  supervisionDueWorkingDays: 2,
  assistWorkingDays: 3,
  progressWorkingDays: 5,
};
