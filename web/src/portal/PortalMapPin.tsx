import { useMemo, useState } from 'react';
import type { GeoPoint } from '../../../src/contract/geo';
import type { MapTilesView } from '../../../src/contract/map';
import { useLang, useT } from '../shared/i18n';
import { GeoMap } from '../shared/map/GeoMap';
import type { MapPointSpec } from '../shared/map/map-types';
import { usePortalMapRegions, useNearbyAppeals } from './portal-map-api';
import { portalMapMessages } from './portal-map.messages';
import { Button, Notice } from './ui';

// The whole league until the outlines arrive: a view that holds every county (WGS-84).
const LEAGUE = { lat: 43.9, lng: 116.1 };

/**
 * 在地图上标注位置 (optional): the map — its code fetched only now — a tap or the phone's own
 * position places the pin, and the open appeals near it are listed before the citizen sends theirs
 * (as FixMyStreet does), with category, stage, day and a blurred place only.
 */
export function PortalMapPin(props: {
  tiles: MapTilesView | null;
  value: GeoPoint | null;
  onChange: (p: GeoPoint | null) => void;
}) {
  const t = useT(portalMapMessages);
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<GeoPoint | null>(null);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState(false);
  const regions = usePortalMapRegions(open);
  const nearby = useNearbyAppeals(open ? props.value : null);
  const fitBox = useMemo(() => {
    const items = regions.data?.items.filter((o) => o.level <= 1);
    if (!items?.length) return null;
    const lngs = items.flatMap((o) => o.ring.map((p) => p[0]!));
    const lats = items.flatMap((o) => o.ring.map((p) => p[1]!));
    return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] as [number, number, number, number];
  }, [regions.data]);
  const points = useMemo(
    (): MapPointSpec[] =>
      (nearby.data?.items ?? []).map((a, i) => ({ id: String(i), lat: a.lat, lng: a.lng, color: '#8c8c8c', kind: 'nearby' })),
    [nearby.data],
  );

  const locate = () => {
    setLocating(true);
    setNoLocation(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const p = { lat: pos.coords.latitude, lng: pos.coords.longitude };
        props.onChange(p);
        setFocus(p);
        setLocating(false);
      },
      () => {
        setNoLocation(true);
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  return (
    <div className="p-field" data-testid="portal-map-field">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button onClick={() => setOpen(!open)} aria-expanded={open} data-testid="portal-map-toggle">
          {open ? t('hide') : t('open')}
        </Button>
        {props.value && (
          <>
            <span data-testid="portal-map-marked">{t('marked')}</span>
            <Button onClick={() => props.onChange(null)} data-testid="portal-map-clear">
              {t('clear')}
            </Button>
          </>
        )}
      </div>
      {open && (
        <div style={{ marginTop: 8 }}>
          <p className="p-hint">{t('hint')}</p>
          <Button onClick={locate} busy={locating} data-testid="portal-map-locate">
            {locating ? t('locating') : t('useMine')}
          </Button>
          {noLocation && <Notice kind="warning">{t('noLocation')}</Notice>}
          <div style={{ marginTop: 8 }}>
            <GeoMap
              tiles={props.tiles}
              height={320}
              center={LEAGUE}
              zoom={6}
              fitBox={fitBox}
              regions={regions.data?.items}
              points={points}
              pin={props.value}
              onPin={(p) => props.onChange(p)}
              focus={focus}
              testId="portal-map"
            />
          </div>
          {props.value && <NearbyList answer={nearby.data} />}
        </div>
      )}
    </div>
  );
}

function NearbyList({ answer }: { answer: ReturnType<typeof useNearbyAppeals>['data'] }) {
  const t = useT(portalMapMessages);
  const { lang } = useLang();
  if (!answer) return null;
  const radius = answer.radiusMetres;
  return (
    <section className="p-nearby" data-testid="portal-nearby" aria-live="polite">
      <h3>{t('nearbyTitle')}</h3>
      {answer.items.length === 0 ? (
        <p className="p-hint">{t('nearbyNone', { radius })}</p>
      ) : (
        <>
          <p className="p-hint">{t('nearbyHint', { radius })}</p>
          <ul>
            {answer.items.map((a, i) => (
              <li key={i} data-testid="portal-nearby-item">
                {t('nearbyItem', {
                  category: a.category ?? t('noCategory'),
                  stage: a.stageText[lang],
                  day: new Date(a.acceptedOn).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
                  metres: a.distanceMetres,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
