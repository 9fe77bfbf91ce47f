import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { mapMessages } from './map.messages';
import type { GeoMapProps } from './map-types';

// The map library (Leaflet, ADR 0187) is a chunk of its own, fetched the first time a map is shown:
// the portal's and the console's first loads do not carry it.
const MapCanvas = lazy(() => import('./MapCanvas'));

/** The one map component of the console and the portal (outlines, points, density, a pin). */
export function GeoMap(props: GeoMapProps) {
  const t = useT(mapMessages);
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height, display: 'grid', placeItems: 'center', background: '#eef2f5' }} aria-busy="true">
          {t('loading')}
        </div>
      }
    >
      <MapCanvas {...props} />
    </Suspense>
  );
}
