import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { MergedLineReportView, MergedLineView, RetirementCriterionView, ServiceWindowView } from '../../shared/contract';

export const channelKeys = {
  windows: ['channels', 'windows'] as const,
  lines: ['channels', 'lines'] as const,
  criterion: ['channels', 'criterion'] as const,
  report: (month: string) => ['channels', 'report', month] as const,
};

/** The 办不成事 windows (the intake offers the active ones; the admin sees all). */
export function useServiceWindows(enabled = true) {
  return useQuery({
    queryKey: channelKeys.windows,
    queryFn: () => api<{ items: ServiceWindowView[] }>('/api/service-windows'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The merged-lines register (the intake offers the numbers that still ring: 双号并行). */
export function useMergedLines(enabled = true) {
  return useQuery({
    queryKey: channelKeys.lines,
    queryFn: () => api<{ items: MergedLineView[] }>('/api/merged-lines'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useRetirementCriterion() {
  return useQuery({
    queryKey: channelKeys.criterion,
    queryFn: () => api<RetirementCriterionView>('/api/merged-lines/criterion'),
  });
}

export function useLineReport(month: string) {
  return useQuery({
    queryKey: channelKeys.report(month),
    queryFn: () => api<MergedLineReportView>(`/api/merged-lines/report?month=${month}`),
  });
}

export const saveWindow = (id: string | null, body: Record<string, unknown>) =>
  api<ServiceWindowView>(id ? `/api/service-windows/${id}` : '/api/service-windows', {
    method: id ? 'PATCH' : 'POST',
    json: body,
  });
export const saveLine = (id: string | null, body: Record<string, unknown>) =>
  api<MergedLineView>(id ? `/api/merged-lines/${id}` : '/api/merged-lines', { method: id ? 'PATCH' : 'POST', json: body });
export const saveCriterion = (body: RetirementCriterionView) =>
  api<RetirementCriterionView>('/api/merged-lines/criterion', { method: 'PUT', json: body });
