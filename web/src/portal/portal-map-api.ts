import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import type { GeoPoint } from '../../../src/contract/geo';
import type { NearbyAnswer, RegionOutlineView } from '../../../src/contract/map';

/** The portal's map reads (ADR 0187): outlines to find one's place, and the open appeals near a pin. */
export const portalMapKeys = {
  regions: ['portal-map', 'regions'] as const,
  nearby: (p: GeoPoint | null) => ['portal-map', 'nearby', p?.lat, p?.lng] as const,
};

export const usePortalMapRegions = (enabled: boolean) =>
  useQuery({
    queryKey: portalMapKeys.regions,
    queryFn: () => api<{ items: RegionOutlineView[] }>('/api/portal/map/regions'),
    enabled,
    staleTime: 10 * 60_000,
  });

/** Rounded to the ≈ 100 m lattice before asking: a dragged pin does not spend a look-up per metre. */
const lattice = (p: GeoPoint | null) => (p ? { lat: Number(p.lat.toFixed(3)), lng: Number(p.lng.toFixed(3)) } : null);

export function useNearbyAppeals(point: GeoPoint | null) {
  const at = lattice(point);
  return useQuery({
    queryKey: portalMapKeys.nearby(at),
    queryFn: () => api<NearbyAnswer>(`/api/portal/nearby?lat=${at!.lat}&lng=${at!.lng}`),
    enabled: at !== null,
  });
}
