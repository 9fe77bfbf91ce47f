import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { GridShape } from '../../../../src/contract/geo';
import type { OrderMapAnswer, RegionOutlineView } from '../../../../src/contract/map';
import type { Box } from '../../shared/map/map-types';
import { toQueryString } from '../api/queries';

/** The map's query keys and reads (GET /api/map/regions, /api/grids/shapes, /api/orders/map). */
export const mapKeys = {
  regions: ['map', 'regions'] as const,
  grids: ['map', 'grids'] as const,
  orders: (params: Record<string, unknown>) => ['map', 'orders', params] as const,
};

const STATIC = { staleTime: 5 * 60_000 };

export const useMapRegions = () =>
  useQuery({ queryKey: mapKeys.regions, queryFn: () => api<{ items: RegionOutlineView[] }>('/api/map/regions'), ...STATIC });

export const useGridShapes = (enabled = true) =>
  useQuery({
    queryKey: mapKeys.grids,
    queryFn: () => api<{ items: GridShape[] }>('/api/grids/shapes'),
    enabled,
    ...STATIC,
  });

export interface OrdersOnMapParams {
  box: Box | null;
  states?: readonly string[];
  limit?: number;
  regionCounts?: boolean;
  /** Refetch every so often (the wall). */
  refreshMs?: number;
}

export function useOrdersOnMap({ box, states, limit, regionCounts, refreshMs }: OrdersOnMapParams) {
  const params = {
    bbox: box?.map((v) => v.toFixed(5)).join(','),
    state: states?.join(','),
    limit,
    regionCounts: regionCounts || undefined,
  };
  return useQuery({
    queryKey: mapKeys.orders(params),
    queryFn: () => api<OrderMapAnswer>(`/api/orders/map${toQueryString(params)}`),
    enabled: box !== null,
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    meta: refreshMs ? { live: true } : undefined,
  });
}

/** The box that holds every outline (the first view), or null before they arrive. */
export function outlinesBox(outlines: readonly RegionOutlineView[] | undefined): Box | null {
  if (!outlines || outlines.length === 0) return null;
  const lngs = outlines.flatMap((o) => o.ring.map((p) => p[0]!));
  const lats = outlines.flatMap((o) => o.ring.map((p) => p[1]!));
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}
