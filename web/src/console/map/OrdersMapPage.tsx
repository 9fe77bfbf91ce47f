import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Checkbox, Select, Space, Typography } from 'antd';
import { OPEN_STATES, type OrderState } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { GeoMap } from '../../shared/map/GeoMap';
import type { Box, MapPointSpec } from '../../shared/map/map-types';
import { labels } from '../common/labels.messages';
import { useSession } from '../shell/session';
import { STATE_COLOURS } from './map-colours';
import { outlinesBox, useGridShapes, useMapRegions, useOrdersOnMap } from './map-api';
import { ordersMapMessages } from './orders-map.messages';

/**
 * 地图: the open orders the reader may see, coloured by state with overdue ones ringed red, over the
 * county, town and grid outlines; the view's box asks the server again after every move; a dot opens
 * its order. Beyond the cap the density layer shows where the rest are.
 */
export function OrdersMapPage() {
  const t = useT(ordersMapMessages);
  const l = useT(labels);
  const me = useSession();
  const navigate = useNavigate();
  const [states, setStates] = useState<OrderState[]>([...OPEN_STATES]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [densityChoice, setDensityChoice] = useState<boolean | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const regions = useMapRegions();
  const grids = useGridShapes();
  const fitBox = useMemo(() => outlinesBox(regions.data?.items), [regions.data]);
  const orders = useOrdersOnMap({ box, states });
  const answer = orders.data;
  const points = useMemo(
    (): MapPointSpec[] =>
      (answer?.points ?? [])
        .filter((p) => !overdueOnly || p.overdue)
        .map((p) => ({
          id: p.id,
          lat: p.lat,
          lng: p.lng,
          color: STATE_COLOURS[p.state],
          overdue: p.overdue,
          kind: p.state,
          tooltip: [p.orderNo, l(`state.${p.state}`), p.title].filter(Boolean).join(' · '),
        })),
    [answer, overdueOnly, l],
  );
  // The density layer speaks when the cap leaves orders out, unless the reader chose otherwise.
  const showDensity = densityChoice ?? (answer?.more ?? 0) > 0;
  const density = useMemo(
    () => (showDensity && answer ? { bbox: answer.bbox, binsPerSide: answer.binsPerSide, bins: answer.bins } : null),
    [showDensity, answer],
  );

  return (
    <Card title={t('title')} data-testid="orders-map-page" styles={{ body: { padding: 12 } }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t('states')}</span>
        <Select
          mode="multiple"
          value={states}
          onChange={(v) => setStates(v.length ? v : [...OPEN_STATES])}
          options={OPEN_STATES.map((s) => ({ value: s, label: l(`state.${s}`) }))}
          style={{ minWidth: 320 }}
          maxTagCount="responsive"
          data-testid="orders-map-states"
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="orders-map-overdue">
          {t('overdueOnly')}
        </Checkbox>
        <Checkbox checked={showDensity} onChange={(e) => setDensityChoice(e.target.checked)} data-testid="orders-map-density">
          {t('density')}
        </Checkbox>
      </Space>
      <GeoMap
        tiles={me.map}
        height="calc(100vh - 250px)"
        fitBox={fitBox}
        regions={regions.data?.items}
        grids={grids.data?.items}
        points={points}
        density={density}
        onView={(b) => setBox(b)}
        onPointClick={(id) => navigate(`/orders/${id}`)}
        testId="orders-map"
      />
      <Space wrap style={{ marginTop: 8 }} size="large">
        <Typography.Text data-testid="orders-map-counts">
          {t('shown', { shown: points.length, total: answer?.total ?? 0 })}
        </Typography.Text>
        {(answer?.more ?? 0) > 0 && <Typography.Text type="warning">{t('more', { more: answer!.more })}</Typography.Text>}
        <Typography.Text type="secondary">{t('openHint')}</Typography.Text>
      </Space>
      <Space wrap size="middle" style={{ marginTop: 4 }} aria-hidden>
        {states.map((s) => (
          <span key={s}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: STATE_COLOURS[s] }} />{' '}
            {l(`state.${s}`)}
          </span>
        ))}
        <span>{t('legendOverdue')}</span>
      </Space>
    </Card>
  );
}
