import { useCallback, useEffect, useState } from 'react';
import type { GeoPoint } from '../../../../src/contract/geo';

/** The phone's position as the page knows it: the browser gives WGS-84, what lianxin stores. */
export type Position =
  { state: 'locating' } | { state: 'ok'; point: GeoPoint; accuracy: number } | { state: 'denied' } | { state: 'unavailable' };

/**
 * Watches the phone's position while the page is open. A refusal is remembered as `denied` (the page
 * says so and still lets a verification be answered, without a position); no geolocation at all (an
 * old browser, a page not served over HTTPS) is `unavailable`. `retry` asks again.
 */
export function usePosition(): { position: Position; retry: () => void } {
  const [position, setPosition] = useState<Position>({ state: 'locating' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geo) {
      setPosition({ state: 'unavailable' });
      return;
    }
    setPosition((p) => (p.state === 'ok' ? p : { state: 'locating' }));
    const id = geo.watchPosition(
      (p) =>
        setPosition({ state: 'ok', point: { lat: p.coords.latitude, lng: p.coords.longitude }, accuracy: p.coords.accuracy }),
      (e) => setPosition((p) => (p.state === 'ok' ? p : { state: e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable' })),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => geo.clearWatch(id);
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { position, retry };
}

const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (the server's haversine, for "how far am I" on the list). */
export function metresBetween(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}
