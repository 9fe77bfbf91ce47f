import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import type { AuditSearchView, AuditVerificationView, PiiAccessLogView } from '../../shared/contract';

/** The audit administrator's reads and writes (ADR 0161); every key lies under 'audit', so a verification refetches them all. */
export const auditKeys = {
  all: ['audit'] as const,
  verification: ['audit', 'verification'] as const,
  log: (query: string) => ['audit', 'log', query] as const,
  piiAccess: (orderNo: string) => ['audit', 'pii-access', orderNo] as const,
};

export interface AuditFilter {
  person: string;
  action: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

/** The query string of GET /api/audit/log and its CSV export. */
export const auditQueryOf = (f: AuditFilter) => {
  const q = new URLSearchParams();
  if (f.person.trim()) q.set('person', f.person.trim());
  if (f.action.trim()) q.set('action', f.action.trim());
  if (f.range?.[0]) q.set('from', f.range[0].startOf('day').toISOString());
  if (f.range?.[1]) q.set('to', f.range[1].endOf('day').toISOString());
  return q.toString();
};

export const auditLogCsvUrl = (f: AuditFilter) => `/api/audit/log.csv?${auditQueryOf(f)}`;

export const useAuditVerification = () =>
  useQuery({ queryKey: auditKeys.verification, queryFn: () => api<AuditVerificationView>('/api/audit/verification') });

export const verifyAuditChains = () => api<AuditVerificationView>('/api/audit/verification', { method: 'POST' });

export const useAuditLog = (f: AuditFilter) =>
  useQuery({
    queryKey: auditKeys.log(auditQueryOf(f)),
    queryFn: () => api<AuditSearchView>(`/api/audit/log?${auditQueryOf(f)}`),
  });

/** Who viewed one order's personal data; asked only once an order number is given. */
export const usePiiAccessLog = (orderNo: string) =>
  useQuery({
    queryKey: auditKeys.piiAccess(orderNo),
    queryFn: () => api<PiiAccessLogView>(`/api/audit/pii-access?order=${encodeURIComponent(orderNo)}`),
    enabled: orderNo !== '',
    retry: false,
  });
