import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

/** The radii of 查重 by distance (ADR 0204): the centre's and the categories' own (GET /api/duplicates/radius). */
export interface DuplicateRadii {
  defaultRadiusMetres: number;
  categories: { categoryId: string; code: string; name: string; radiusMetres: number }[];
}

export const radiusKey = ['duplicates', 'radius'] as const;

export const useDuplicateRadii = () =>
  useQuery({ queryKey: radiusKey, queryFn: () => api<DuplicateRadii>('/api/duplicates/radius') });

/** A category's own radius in metres, or null to inherit its parent's (or the centre's) again. */
export const setCategoryRadius = (categoryId: string, radiusMetres: number | null) =>
  api<DuplicateRadii>(`/api/duplicates/radius/categories/${categoryId}`, { method: 'PUT', json: { radiusMetres } });

export const setDefaultRadius = (radiusMetres: number) =>
  api<DuplicateRadii>('/api/duplicates/radius', { method: 'PUT', json: { radiusMetres } });
