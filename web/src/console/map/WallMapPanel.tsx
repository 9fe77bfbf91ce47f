import { useCallback, useMemo } from 'react';
import type { RegionOutlineView } from '../../../../src/contract/map';
import { useT } from '../../shared/i18n';
import { GeoMap } from '../../shared/map/GeoMap';
import type { MapPointSpec } from '../../shared/map/map-types';
import { useRegions } from '../api/queries';
import { useSession } from '../shell/session';
import { STATE_COLOURS } from './map-colours';
import { outlinesBox, useMapRegions, useOrdersOnMap } from './map-api';
import { ordersMapMessages } from './orders-map.messages';

const WALL_POINTS = 800;

/**
 * 大屏's map: every county's outline with its open orders counted live (the orders name a county or a
 * town of it; towns roll up), the newest orders as dots, overdue ones ringed red. Dark, no controls to use.
 */
export function WallMapPanel({ height, refreshMs }: { height: string; refreshMs: number }) {
  const t = useT(ordersMapMessages);
  const me = useSession();
  const outlines = useMapRegions();
  const regions = useRegions();
  const box = useMemo(() => outlinesBox(outlines.data?.items), [outlines.data]);
  const orders = useOrdersOnMap({ box, limit: WALL_POINTS, regionCounts: true, refreshMs });
  const countyOf = useMemo(() => {
    const parent = new Map((regions.data?.items ?? []).map((r) => [r.id, r.parentId]));
    return (id: string) => {
      let at = id;
      for (let p = parent.get(at); p; p = parent.get(at)) at = p;
      return at;
    };
  }, [regions.data]);
  const counts = useMemo(() => {
    const byCounty = new Map<string, number>();
    for (const r of orders.data?.regionCounts ?? []) {
      const county = countyOf(r.regionId);
      byCounty.set(county, (byCounty.get(county) ?? 0) + r.count);
    }
    return byCounty;
  }, [orders.data, countyOf]);
  const label = useCallback(
    (o: RegionOutlineView) => (o.level <= 1 ? t('wallCount', { name: o.name, n: counts.get(o.regionId) ?? 0 }) : o.name),
    [counts, t],
  );
  const points = useMemo(
    (): MapPointSpec[] =>
      (orders.data?.points ?? []).map((p) => ({
        id: p.id,
        lat: p.lat,
        lng: p.lng,
        color: STATE_COLOURS[p.state],
        overdue: p.overdue,
        kind: p.state,
      })),
    [orders.data],
  );
  // Counties only: the wall is read from across the room. The busiest first: where names would overlap,
  // theirs are the ones kept.
  const counties = useMemo(
    () =>
      outlines.data?.items
        .filter((o) => o.level <= 1)
        .sort((a, b) => (counts.get(b.regionId) ?? 0) - (counts.get(a.regionId) ?? 0)),
    [outlines.data, counts],
  );
  return (
    <div data-testid="wall-map">
      <div style={{ color: '#9cc3e6', marginBottom: 4 }}>{t('wallMap')}</div>
      <GeoMap
        tiles={me.map}
        height={height}
        fitBox={box}
        regions={counties}
        regionLabel={label}
        points={points}
        dark
        testId="wall-map-canvas"
      />
    </div>
  );
}
