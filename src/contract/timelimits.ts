import type { DeadlineView, Instant } from './orders.js';
import type { LimitUnit, OrderState, PolicyStage } from './vocabulary.js';

/**
 * The shapes of the time-limit, calendar and supervision API (src/timelimits, src/calendar,
 * src/supervision) as the server returns them and the console's time-limit screens read them.
 * `At` is `Date` on the server and an ISO string on the wire, as in ./orders.ts.
 */

export type DayReason = 'workday' | 'weekend' | 'statutory_holiday' | 'makeup_workday' | 'centre_holiday' | 'centre_workday';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  name: string | null;
  /** False when the statutory calendar has no notice for this year (weekends only). */
  covered: boolean;
}

/** GET /api/calendar/:month. */
export interface CalendarMonthView {
  month: string;
  timezone: string;
  workPeriods: string;
  coveredYears: number[];
  days: DayInfo[];
}

/** One centre override of GET /api/calendar-overrides. */
export interface CalendarOverrideView<At = Instant> {
  day: string;
  working: boolean;
  name: string;
  updated_at: At;
}

/** A built-in default rule (camelCase, src/timelimits/default-policies.ts). */
export interface LimitRule {
  stage: PolicyStage;
  appealType: string | null;
  priority: number | null;
  categoryId: string | null;
  amount: number;
  unit: LimitUnit;
  note: string | null;
}

/** An admin rule as stored (the timelimit_policies row). */
export interface TimeLimitPolicyRow<At = Instant> {
  id: string;
  centre_id: string;
  stage: PolicyStage;
  appeal_type: string | null;
  priority: number | null;
  category_id: string | null;
  amount: number;
  unit: LimitUnit;
  note: string | null;
  active: boolean;
  updated_by: string | null;
  updated_at: At;
}

export interface EscalationSettings {
  /** Share of the time used at which the yellow warning fires (0.75 = 75 %). */
  yellowShare: number;
  /** Share of the time used at which the unit gets the automatic 催办 reminder. */
  urgeShare: number;
  /** Working days overdue after which a formal 督办单 is issued. */
  superviseAfterWorkingDays: number;
  /** Working days the unit has to answer a 督办单 before the order goes to 领导盯办. */
  supervisionDueWorkingDays: number;
  /** Working days an assisting unit (协办) has for its opinion, from the dispatch (ADR 0120; default 3). */
  assistWorkingDays: number;
  /** Working days to the next feedback after a 阶段性答复 (ADR 0121; default 5, the seed's rule). */
  progressWorkingDays: number;
}

/** GET /api/timelimits/policies. */
export interface PolicyView<At = Instant> {
  rules: TimeLimitPolicyRow<At>[];
  defaults: readonly LimitRule[];
  settings: EscalationSettings;
}

/** POST /api/timelimits/presets/banbucheng: the rules it added. */
export interface PresetRulesView<At = Instant> {
  rules: TimeLimitPolicyRow<At>[];
}

/** GET /api/orders/:id/deadlines: each clock with its start and due time on the centre's wall clock. */
export interface DeadlineExplanationView<At = Instant> {
  orderId: string;
  orderNo: string;
  state: OrderState;
  timezone: string;
  nowLocal: string;
  deadlines: (DeadlineView<At> & { startedLocal: string; dueLocal: string })[];
}

/** One 督办单 of GET /api/supervisions. */
export interface SupervisionView<At = Instant> {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  order_state: OrderState;
  unit_id: string | null;
  unit_name: string | null;
  origin: 'auto' | 'manual';
  reason: string;
  issued_at: At;
  due_at: At;
  status: 'open' | 'responded' | 'closed';
  response: string | null;
  responded_at: At | null;
  closed_at: At | null;
  closing_note: string | null;
}

/** A 督办单 as issued, answered or closed (POST /api/orders/:id/supervisions, …/respond, …/close). */
export interface SupervisionRecordView<At = Instant> {
  id: string;
  order_id: string;
  centre_id: string;
  deadline_id: string | null;
  unit_id: string | null;
  origin: 'auto' | 'manual';
  reason: string;
  issued_by: string | null;
  issued_at: At;
  due_at: At;
  status: 'open' | 'responded' | 'closed';
  response: string | null;
  responded_by: string | null;
  responded_at: At | null;
  closed_by: string | null;
  closed_at: At | null;
  closing_note: string | null;
}

/** One 领导盯办 of GET /api/leader-followups. */
export interface LeaderFollowupView<At = Instant> {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  order_state: OrderState;
  priority: number;
  deadline_due_at: At | null;
  lead_unit_name: string | null;
  reason: string;
  origin: 'auto' | 'manual';
  added_at: At;
  closed_at: At | null;
}
