import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { ClaimerView, WishRatesView, WishSettingsView, WishState, WishView } from '../../shared/contract';

/** 微心愿 (issue 19, ADR 0189): the area's query keys under one family 'wishes'. */
export const wishKeys = {
  all: ['wishes'] as const,
  list: (state: WishState | 'all') => ['wishes', 'list', state] as const,
  rates: ['wishes', 'rates'] as const,
  settings: ['wishes', 'settings'] as const,
  claimers: ['wishes', 'claimers'] as const,
};

export const useWishes = (state: WishState | 'all') =>
  useQuery({
    queryKey: wishKeys.list(state),
    queryFn: () => api<{ wishes: WishView[] }>(state === 'all' ? '/api/wishes' : `/api/wishes?state=${state}`),
  });

export const useWishRates = () => useQuery({ queryKey: wishKeys.rates, queryFn: () => api<WishRatesView>('/api/wishes/rates') });

export const useWishSettings = () =>
  useQuery({ queryKey: wishKeys.settings, queryFn: () => api<WishSettingsView>('/api/wishes/settings'), staleTime: 5 * 60_000 });

export const useClaimers = (enabled: boolean) =>
  useQuery({ queryKey: wishKeys.claimers, queryFn: () => api<{ claimers: ClaimerView[] }>('/api/wish-claimers'), enabled });

/** The proof photo's address (the session cookie authorises it, as for attachments). */
export const wishPhotoUrl = (id: string) => `/api/wishes/${id}/photo`;

export const postWishForResident = (body: { residentId: string; title: string; detail: string }) =>
  api<WishView>('/api/wishes', { method: 'POST', json: body });
export const moderateWish = (id: string, body: { approve: boolean; reason?: string }) =>
  api<WishView>(`/api/wishes/${id}/moderate`, { method: 'POST', json: body });
export const claimWish = (id: string, collective = false) =>
  api<WishView>(`/api/wishes/${id}/claim`, { method: 'POST', json: collective ? { collective } : {} });
export const fulfilWish = (id: string, body: { proofText: string; photoBase64?: string }) =>
  api<WishView>(`/api/wishes/${id}/fulfil`, { method: 'POST', json: body });
export const confirmWish = (id: string) => api<WishView>(`/api/wishes/${id}/confirm`, { method: 'POST' });
