import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  CommunityView,
  RedemptionView,
  ResidentMeView,
  ResidentSessionView,
  ShopView,
  WallState,
  WishView,
  WishWallView,
} from '../../shared/contract';

/** The residents' pages (issue 19): the wish wall, my wishes, my points. Keys in one place. */
export const residentKeys = {
  wall: (state: WallState) => ['portal-wall', state] as const,
  mine: (token: string) => ['portal-resident', token, 'wishes'] as const,
  points: (token: string) => ['portal-resident', token, 'points'] as const,
  shops: ['portal-shops'] as const,
  communities: ['portal-communities'] as const,
};

const as = (token: string) => ({ 'x-resident-token': token });

export const useWishWall = (state: WallState) =>
  useQuery({
    queryKey: residentKeys.wall(state),
    queryFn: () => api<WishWallView>(`/api/portal/wishes?state=${state}&limit=30`),
  });

export const useCommunities = (enabled: boolean) =>
  useQuery({
    queryKey: residentKeys.communities,
    queryFn: () => api<{ communities: CommunityView[] }>('/api/portal/communities'),
    enabled,
  });

export const openResidentSession = (phone: string, code: string) =>
  api<ResidentSessionView>('/api/portal/resident/session', { method: 'POST', json: { phone, code } });

export const registerSelf = (token: string, body: { name: string; unitId: string }) =>
  api<ResidentSessionView>('/api/portal/resident/register', { method: 'POST', json: body, headers: as(token) });

export const useMyWishes = (token: string) =>
  useQuery({
    queryKey: residentKeys.mine(token),
    queryFn: () => api<{ wishes: WishView[] }>('/api/portal/resident/wishes', { headers: as(token) }),
  });

export const postMyWish = (token: string, body: { title: string; detail: string }) =>
  api<{ id: string }>('/api/portal/resident/wishes', { method: 'POST', json: body, headers: as(token) });

export const confirmMyWish = (token: string, id: string) =>
  api<{ pointsAwarded: number | null }>(`/api/portal/resident/wishes/${id}/confirm`, { method: 'POST', headers: as(token) });

export const useMyPoints = (token: string) =>
  useQuery({
    queryKey: residentKeys.points(token),
    queryFn: () => api<ResidentMeView>('/api/portal/resident/points', { headers: as(token) }),
  });

export const usePublicShops = () =>
  useQuery({ queryKey: residentKeys.shops, queryFn: () => api<{ shops: ShopView[] }>('/api/portal/shops') });

export const redeemMine = (token: string, body: { itemId: string; quantity: number }) =>
  api<RedemptionView>('/api/portal/resident/redemptions', { method: 'POST', json: body, headers: as(token) });
