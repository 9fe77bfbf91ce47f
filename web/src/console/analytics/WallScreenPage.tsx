import type { KpiKey } from '../../shared/contract';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Col, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../shared/i18n';
import { EChart } from './EChart';
import { KpiCards } from './KpiCards';
import { useKpiNow, useKpis } from './kpi-api';
import { barsOption, chartLabels, pieOption, trendOption } from './kpi-charts';
import { kpiMessages } from './kpi.messages';
import { WallMapPanel } from '../map/WallMapPanel';

const REFRESH_MS = 10_000;
const WALL_KPIS: KpiKey[] = [
  'answerRate',
  'acceptedCount',
  'closureRate',
  'responseRate',
  'satisfactionRate',
  'onTimeClosureRate',
];
const panel = { background: '#0a1f38', border: '1px solid #1f4e79', borderRadius: 6, padding: 8 };
/**
 * The charts share one row and take the height the figures above leave, so the wall fits a 1280×720
 * screen without scrolling (and grows on a bigger one).
 */
const CHART_HEIGHT = 'max(220px, calc(100vh - 372px))';

/**
 * 大屏: a dark full-screen view of this month, refreshed every 10 s and at once when an order
 * changes (the console's live stream invalidates queries marked `live`).
 */
export function WallScreenPage() {
  const t = useT(kpiMessages);
  const navigate = useNavigate();
  const period = { from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') };
  const days = useKpis({ ...period, groupBy: 'day' }, REFRESH_MS);
  const units = useKpis({ ...period, groupBy: 'unit' }, REFRESH_MS);
  const categories = useKpis({ ...period, groupBy: 'category' }, REFRESH_MS);
  const now = useKpiNow(REFRESH_MS);
  const labels = useMemo(() => chartLabels(t, 'unit'), [t]);
  const trend = useMemo(() => (days.data ? trendOption(days.data.groups, labels, true) : {}), [days.data, labels]);
  const unitBars = useMemo(() => (units.data ? barsOption(units.data.groups, labels, 10) : {}), [units.data, labels]);
  const pie = useMemo(
    () => (categories.data ? pieOption(categories.data.groups, chartLabels(t, 'category'), true) : {}),
    [categories.data, t],
  );
  const big = (title: string, value: number | undefined, color = '#ffd666') => (
    <div style={panel}>
      <Statistic
        title={<span style={{ color: '#9cc3e6' }}>{title}</span>}
        value={value ?? '—'}
        valueStyle={{ color, fontSize: 34, lineHeight: 1.1 }}
      />
    </div>
  );
  return (
    <div
      data-testid="WallScreenPage"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: '#051426',
        color: '#e6f1fb',
        padding: '12px 20px',
        overflow: 'auto',
      }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ color: '#e6f1fb', margin: 0 }}>
          {t('wall.title')}
        </Typography.Title>
        <Space>
          <span style={{ color: '#7fa7c9' }}>
            {t('wall.month')} {period.from} — {period.to} ·{' '}
            {t('wall.updated', { at: dayjs(now.dataUpdatedAt || Date.now()).format('HH:mm:ss') })}
          </span>
          <Button ghost onClick={() => navigate('../dashboard')}>
            {t('wall.exit')}
          </Button>
        </Space>
      </Space>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={5}>{big(t('dash.acceptedToday'), now.data?.acceptedToday)}</Col>
        <Col span={5}>{big(t('dash.closedToday'), now.data?.closedToday)}</Col>
        <Col span={5}>{big(t('dash.open'), now.data?.open, '#69c0ff')}</Col>
        <Col span={5}>{big(t('dash.red'), now.data?.red, '#ff4d4f')}</Col>
        <Col span={4}>{big(t('dash.yellow'), now.data?.yellow, '#faad14')}</Col>
      </Row>
      {days.data && (
        <div style={{ marginTop: 8 }}>
          <KpiCards keys={WALL_KPIS} definitions={days.data.definitions} group={days.data.total} dark />
        </div>
      )}
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={7}>
          <div style={panel}>
            <EChart option={trend} theme="dark" height={CHART_HEIGHT} testId="wall-trend" />
          </div>
        </Col>
        <Col span={5}>
          <div style={panel}>
            <EChart option={pie} theme="dark" height={CHART_HEIGHT} testId="wall-category" />
          </div>
        </Col>
        <Col span={6}>
          <div style={panel}>
            <EChart option={unitBars} theme="dark" height={CHART_HEIGHT} testId="wall-units" />
          </div>
        </Col>
        <Col span={6}>
          <div style={panel}>
            <WallMapPanel height={`calc(${CHART_HEIGHT} - 26px)`} refreshMs={REFRESH_MS} />
          </div>
        </Col>
      </Row>
    </div>
  );
}
