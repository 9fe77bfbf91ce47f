import type { Instant } from './orders.js';

/**
 * The shapes of the hot-issue and assessment API (src/analytics/hotspots, src/analytics/assessment)
 * as the server returns them and the console's analytics pages read them. `At` is `Date` on the
 * server and an ISO string on the wire, as in ./orders.ts.
 */

export interface HotspotOrder<At = Instant> {
  id: string;
  orderNo: string;
  title: string;
  state: string;
  acceptedAt: At;
  address: string | null;
}

/** One hot issue (热点): a cluster of similar appeals of one region. */
export interface Hotspot<At = Instant> {
  key: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  regionId: string | null;
  regionName: string | null;
  count: number;
  previousCount: number;
  /** (count − previous) / previous; null when the topic is new (nothing before). */
  growth: number | null;
  /** Ranking score: size plus rise, count + max(0, count − previousCount). */
  score: number;
  orders: HotspotOrder<At>[];
}

/** GET /api/hotspots. */
export interface HotspotAnswer<At = Instant> {
  from: At;
  to: At;
  previousFrom: At;
  appealsExamined: number;
  items: Hotspot<At>[];
}

export interface AssessmentConfigView {
  /** Ratio KPI keys (src/analytics/kpi/definitions.ts) with their weights. */
  indicators: { key: string; weight: number }[];
  /** Points off per overdue order, per approved return, per re-handling. */
  deductions: { overdue: number; return: number; rehandle: number };
  /** Weight of 基本满意 in 满意率. */
  basicSatisfiedWeight: number;
}

/** One unit's monthly score. The server's row also carries its raw KPI counters, which the console does not read. */
export interface UnitScoreView {
  unitId: string;
  unitName: string;
  /** Set on a department's row: the assessed unit (county) it is ranked within. */
  parentUnitId: string | null;
  rank: number | null;
  /** Final score: base − deduction points, not below 0; null when no indicator applies. */
  score: number | null;
  /** Weighted indicators on a 0–100 scale. */
  baseScore: number | null;
  deductionPoints: number;
  indicators: { key: string; weight: number; value: number | null; numerator: number; denominator: number | null }[];
  deductions: { overdue: number; returns: number; rehandles: number };
  excludedOrders: number;
}

/** GET /api/assessment/months/:month (and the answer of freezing it). */
export interface MonthAssessmentView<At = Instant> {
  month: string;
  status: 'draft' | 'frozen';
  frozenAt: At | null;
  config: AssessmentConfigView;
  rows: UnitScoreView[];
}

/** One 考核申诉 of GET /api/assessment/appeals. */
export interface AssessmentAppealView<At = Instant> {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  unit_id: string;
  unit_name: string;
  month: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  filed_at: At;
  decided_at: At | null;
  decision_note: string | null;
}

/** GET /api/assessment/history: frozen scores per unit and month. */
export interface AssessmentHistoryView {
  fromMonth: string;
  toMonth: string;
  items: {
    month: string;
    unitId: string;
    unitName: string;
    rank: number | null;
    score: number | null;
    baseScore: number | null;
    deductionPoints: number;
  }[];
}

/** GET /api/assessment/appeals. */
export interface AssessmentAppealListView<At = Instant> {
  items: AssessmentAppealView<At>[];
}

/** A 考核申诉 as stored: the answer of filing and of deciding one. */
export interface AssessmentAppealRow<At = Instant> {
  id: string;
  centre_id: string;
  order_id: string;
  unit_id: string;
  month: string;
  reason: string;
  filed_by: string | null;
  filed_at: At;
  status: 'pending' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: At | null;
  decision_note: string | null;
}

/** POST /api/assessment/exclusions: the order judged an unreasonable appeal (out of the rating). */
export interface AssessmentExclusionView<At = Instant> {
  orderId: string;
  orderNo: string;
  reason: string;
  reviewerId: string | null;
  createdAt: At;
}
