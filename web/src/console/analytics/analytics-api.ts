import { keys } from '../api/keys';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

export interface HotspotOrder {
  id: string;
  orderNo: string;
  title: string;
  state: string;
  acceptedAt: string;
  address: string | null;
}
export interface Hotspot {
  key: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  regionName: string | null;
  count: number;
  previousCount: number;
  growth: number | null;
  score: number;
  orders: HotspotOrder[];
}
export interface HotspotAnswer {
  appealsExamined: number;
  items: Hotspot[];
}

export interface UnitScore {
  unitId: string;
  unitName: string;
  /** Set on a department's row: the assessed unit (county) it is ranked within. */
  parentUnitId: string | null;
  rank: number | null;
  score: number | null;
  baseScore: number | null;
  deductionPoints: number;
  indicators: { key: string; weight: number; value: number | null }[];
  deductions: { overdue: number; returns: number; rehandles: number };
  excludedOrders: number;
}
export interface AssessmentConfig {
  indicators: { key: string; weight: number }[];
  deductions: { overdue: number; return: number; rehandle: number };
  basicSatisfiedWeight: number;
}
export interface MonthAssessment {
  month: string;
  status: 'draft' | 'frozen';
  frozenAt: string | null;
  config: AssessmentConfig;
  rows: UnitScore[];
}
export interface Appeal {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  unit_name: string;
  month: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
}
export interface HistoryItem {
  month: string;
  unitId: string;
  unitName: string;
  rank: number | null;
  score: number | null;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  return s.toString();
};
export const withQuery = (path: string, params: Record<string, string | number | undefined>) => {
  const q = qs(params);
  return q ? `${path}?${q}` : path;
};

/** Writes of the assessment page (src/analytics/assessment). */
export const freezeMonth = (month: string) => api(`/api/assessment/months/${month}/freeze`, { method: 'POST' });
export const decideAppeal = (id: string, body: { accept: boolean; note?: string }) =>
  api(`/api/assessment/appeals/${id}/decision`, { method: 'POST', json: body });
export const fileAppeal = (body: Record<string, unknown>) => api('/api/assessment/appeals', { method: 'POST', json: body });
export const excludeOrder = (body: Record<string, unknown>) => api('/api/assessment/exclusions', { method: 'POST', json: body });

export const useHotspots = (p: { from: string; to: string; regionId?: string }) =>
  useQuery({ queryKey: keys.hotspots(p), queryFn: () => api<HotspotAnswer>(withQuery('/api/hotspots', p)) });

export const useMonthAssessment = (month: string) =>
  useQuery({ queryKey: keys.assessment(month), queryFn: () => api<MonthAssessment>(`/api/assessment/months/${month}`) });

export const useAppeals = (month: string) =>
  useQuery({
    queryKey: keys.assessmentAppeals(month),
    queryFn: () => api<{ items: Appeal[] }>(withQuery('/api/assessment/appeals', { month })),
  });

export const useAssessmentHistory = (toMonth: string) =>
  useQuery({
    queryKey: keys.assessmentHistory(toMonth),
    queryFn: () => api<{ items: HistoryItem[] }>(withQuery('/api/assessment/history', { toMonth, months: 12 })),
  });
