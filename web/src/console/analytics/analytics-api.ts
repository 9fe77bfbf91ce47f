import { keys } from '../api/keys';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { AssessmentAppealView, AssessmentHistoryView, HotspotAnswer, MonthAssessmentView } from '../../shared/contract';

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
  useQuery({ queryKey: keys.assessment(month), queryFn: () => api<MonthAssessmentView>(`/api/assessment/months/${month}`) });

export const useAppeals = (month: string) =>
  useQuery({
    queryKey: keys.assessmentAppeals(month),
    queryFn: () => api<{ items: AssessmentAppealView[] }>(withQuery('/api/assessment/appeals', { month })),
  });

export const useAssessmentHistory = (toMonth: string) =>
  useQuery({
    queryKey: keys.assessmentHistory(toMonth),
    queryFn: () => api<AssessmentHistoryView>(withQuery('/api/assessment/history', { toMonth, months: 12 })),
  });
