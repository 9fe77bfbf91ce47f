import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { EnterpriseQueueView, KpiReportView } from '../../shared/contract';
import { keys } from '../api/keys';

export type EnterpriseStatus = 'open' | 'closed' | 'all';

/** GET /api/enterprise/orders: the enterprise desk's queue (ADR 0137). */
export function useEnterpriseOrders(status: EnterpriseStatus) {
  return useQuery({
    queryKey: keys.enterpriseOrders(status),
    queryFn: () => api<EnterpriseQueueView>(`/api/enterprise/orders?status=${status}&limit=200`),
    meta: { live: true },
  });
}

/** GET /api/enterprise/kpis: the KPIs of enterprise appeals only (the one KPI machinery). */
export function useEnterpriseKpis(params: { from: string; to: string }) {
  return useQuery({
    queryKey: keys.enterpriseKpis(params),
    queryFn: () => api<KpiReportView>(`/api/enterprise/kpis?from=${params.from}&to=${params.to}`),
    placeholderData: (prev) => prev,
  });
}
