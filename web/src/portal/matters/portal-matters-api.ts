import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { PublicMattersView, PublicRoundView } from '../../shared/contract';

/** 民生实事 on the portal (issue 19, ADR 0206): the public list and the open 票决. */
export const portalMatterKeys = {
  list: (year: number) => ['portal-matters', year] as const,
  roundAll: ['portal-matter-round'] as const,
  round: (token: string | null) => ['portal-matter-round', token ?? ''] as const,
};

export const usePublicMatters = (year: number) =>
  useQuery({ queryKey: portalMatterKeys.list(year), queryFn: () => api<PublicMattersView>(`/api/portal/matters?year=${year}`) });

export const usePublicRound = (token: string | null) =>
  useQuery({
    queryKey: portalMatterKeys.round(token),
    queryFn: () =>
      api<PublicRoundView>('/api/portal/matter-round', token ? { headers: { 'x-resident-token': token } } : undefined),
  });

export const castVote = (token: string, roundId: string, matterId: string) =>
  api<{ picks: string[]; picksLeft: number }>(`/api/portal/matter-rounds/${roundId}/votes`, {
    method: 'POST',
    json: { matterId },
    headers: { 'x-resident-token': token },
  });
