import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { CheckQueueView } from '../../shared/contract';
import { keys } from '../api/keys';

/** GET /api/checks: the citizens' dissatisfied web ratings waiting for the supervisor (ADR 0135). */
export function useChecks() {
  return useQuery({
    queryKey: keys.checks,
    queryFn: () => api<CheckQueueView>('/api/checks?limit=200'),
    meta: { live: true },
  });
}
