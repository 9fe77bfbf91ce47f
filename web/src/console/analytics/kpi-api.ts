import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

/** Shapes of GET /api/kpis (src/analytics/kpi/kpi.service.ts) and GET /api/kpis/now. */
export interface KpiDefinition {
  key: string;
  zh: string;
  en: string;
  kind: 'ratio' | 'count' | 'hours';
  formula: { zh: string; en: string };
  target?: number;
}
export interface KpiFigure {
  value: number | null;
  numerator: number;
  denominator: number | null;
  previous: number | null;
  change: number | null;
}
export interface KpiGroup {
  key: string;
  name: string | null;
  counters: Record<string, number>;
  kpis: Record<string, KpiFigure>;
}
export interface KpiReport {
  from: string;
  to: string;
  previous: { from: string; to: string };
  groupBy: string;
  definitions: KpiDefinition[];
  total: KpiGroup;
  groups: KpiGroup[];
}
export interface KpiNow {
  open: number;
  red: number;
  yellow: number;
  acceptedToday: number;
  closedToday: number;
  at: string;
}

export type KpiParams = { from: string; to: string; groupBy?: string; unitId?: string };

const qs = (p: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1])).toString();

/** KPIs for a period; `refreshMs` polls (wall screen), and live order events refresh them too. */
export function useKpis(params: KpiParams, refreshMs?: number) {
  return useQuery({
    queryKey: ['kpis', params],
    queryFn: () => api<KpiReport>(`/api/kpis?${qs(params)}`),
    refetchInterval: refreshMs,
    meta: { live: true },
    placeholderData: (prev) => prev,
  });
}

export function useKpiNow(refreshMs?: number) {
  return useQuery({
    queryKey: ['kpis', 'now'],
    queryFn: () => api<KpiNow>('/api/kpis/now'),
    refetchInterval: refreshMs,
    meta: { live: true },
  });
}
