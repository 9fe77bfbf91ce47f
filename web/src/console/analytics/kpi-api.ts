import { keys } from '../api/keys';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

/** Shapes of GET /api/kpis (src/analytics/kpi/kpi.service.ts) and GET /api/kpis/now: the contract. */
export type {
  KpiKey,
  KpiDefinitionView as KpiDefinition,
  KpiFigureView as KpiFigure,
  KpiGroupView as KpiGroup,
  KpiReportView as KpiReport,
  KpiNowView as KpiNow,
} from '../../shared/contract';
import type { KpiNowView as KpiNow, KpiReportView as KpiReport } from '../../shared/contract';

export type KpiParams = { from: string; to: string; groupBy?: string; unitId?: string };

const qs = (p: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => !!e[1])).toString();

/** KPIs for a period; `refreshMs` polls (wall screen), and live order events refresh them too. */
export function useKpis(params: KpiParams, refreshMs?: number) {
  return useQuery({
    queryKey: keys.kpis(params),
    queryFn: () => api<KpiReport>(`/api/kpis?${qs(params)}`),
    refetchInterval: refreshMs,
    meta: { live: true },
    placeholderData: (prev) => prev,
  });
}

export function useKpiNow(refreshMs?: number) {
  return useQuery({
    queryKey: keys.kpiNow,
    queryFn: () => api<KpiNow>('/api/kpis/now'),
    refetchInterval: refreshMs,
    meta: { live: true },
  });
}
