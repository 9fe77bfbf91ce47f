import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { MfaPolicyView, RetentionView } from '../../shared/contract';
import type { CategoryNode, Role } from '../api/types';

/** The writes of the admin screens (units, categories, users); their lists are read through api/queries. */

export const createUnit = (body: { name: string; code: string; kind: string; parentId: string }) =>
  api('/api/units', { method: 'POST', json: body });
export const updateUnit = (id: string, change: { name?: string; active?: boolean }) =>
  api(`/api/units/${id}`, { method: 'PATCH', json: change });

/** 分中心 (ADR 0110): the routing switch and the region a sub-centre owns; both answer with the whole list. */
export const setSubCentreRouting = (on: boolean) => api('/api/sub-centres/routing', { method: 'PUT', json: { on } });
export const setSubCentreRegion = (id: string, regionId: string | null) =>
  api(`/api/sub-centres/${id}/region`, { method: 'PUT', json: { regionId } });

export const createCategory = (body: { name: string; code: string; parentId: string | null }) =>
  api<CategoryNode>('/api/categories', { method: 'POST', json: body });
export const updateCategory = (id: string, change: { name?: string; active?: boolean; aliases?: string[] }) =>
  api(`/api/categories/${id}`, { method: 'PATCH', json: change });

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  unitId: string;
  roles: Role[];
}
export const createUser = (user: NewUser) => api('/api/users', { method: 'POST', json: user });
export const updateUser = (id: string, change: { displayName?: string; unitId?: string; roles?: Role[]; active?: boolean }) =>
  api(`/api/users/${id}`, { method: 'PATCH', json: change });
export const setUserPassword = (id: string, body: { password: string }) =>
  api(`/api/users/${id}/password`, { method: 'POST', json: body });
export const unlockUser = (id: string) => api(`/api/users/${id}/unlock`, { method: 'POST' });

/** The roles that must sign in with TOTP (ADR 0156); under 'users', so a change to users refetches it too. */
export const mfaPolicyKey = ['users', 'mfa-policy'] as const;
export const useMfaPolicy = () =>
  useQuery({ queryKey: mfaPolicyKey, queryFn: () => api<MfaPolicyView>('/api/users/mfa-policy') });
export const setMfaPolicy = (roles: Role[]) => api<MfaPolicyView>('/api/users/mfa-policy', { method: 'PUT', json: { roles } });

/** The centre's personal-data retention (ADR 0174): the system administrator's 保存期限 page. */
export const retentionKey = ['retention'] as const;
export const useRetention = () => useQuery({ queryKey: retentionKey, queryFn: () => api<RetentionView>('/api/retention') });
export const setRetentionYears = (years: number) => api<RetentionView>('/api/retention', { method: 'PUT', json: { years } });
