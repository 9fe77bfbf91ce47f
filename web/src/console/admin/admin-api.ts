import { api } from '../../shared/api';
import type { CategoryNode, Role } from '../api/types';

/** The writes of the admin screens (units, categories, users); their lists are read through api/queries. */

export const createUnit = (body: { name: string; code: string; kind: string; parentId: string }) =>
  api('/api/units', { method: 'POST', json: body });
export const updateUnit = (id: string, change: { name?: string; active?: boolean }) =>
  api(`/api/units/${id}`, { method: 'PATCH', json: change });

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
