import { CENTRE_ONLY_KPIS, type KpiKey } from '../../shared/contract';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { isUnitScoped, useSession } from '../shell/session';
import { EChart } from './EChart';
import { KpiCards } from './KpiCards';
import { useKpis } from './kpi-api';
import { barsOption, chartLabels, pieOption, trendOption } from './kpi-charts';
import { KpiNowRow } from './KpiNowRow';
import { KpiByDimension } from './KpiByDimension';
import { kpiMessages } from './kpi.messages';

export const DASHBOARD_KPIS: KpiKey[] = [
  'answerRate',
  'answer15sRate',
  'intakeRate',
  'acceptedCount',
  'directRate',
  'transferredCount',
  'closureRate',
  'timelySignRate',
  'responseRate',
  'onTimeClosureRate',
  'resolutionRate',
  'satisfactionRate',
  'returnRate',
  'rehandleRate',
  'repeatCallRate',
  'avgHandlingHours',
  'assistOnTimeRate',
  'hopOnTimeRate',
];

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 数据看板: the period's KPIs (with definitions in tooltips), trend, distributions, red/yellow counts. */
export function DashboardPage() {
  const t = useT(kpiMessages);
  // A unit's figures never include the centre's own work (calls, direct answers): leave those cards out.
  const unitScoped = isUnitScoped(useSession());
  const kpiKeys = unitScoped ? DASHBOARD_KPIS.filter((k) => !CENTRE_ONLY_KPIS.has(k)) : DASHBOARD_KPIS;
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const period = { from: fmt(range[0]), to: fmt(range[1]) };
  const total = useKpis({ ...period, groupBy: 'day' });
  const byCategory = useKpis({ ...period, groupBy: 'category' });
  const byUnit = useKpis({ ...period, groupBy: 'unit' });
  const byRegion = useKpis({ ...period, groupBy: 'region' });
  const labels = useMemo(() => chartLabels(t, 'unit'), [t]);
  const trend = useMemo(() => (total.data ? trendOption(total.data.groups, labels) : {}), [total.data, labels]);
  const pie = useMemo(
    () => (byCategory.data ? pieOption(byCategory.data.groups, chartLabels(t, 'category')) : {}),
    [byCategory.data, t],
  );
  const units = useMemo(() => (byUnit.data ? barsOption(byUnit.data.groups, labels) : {}), [byUnit.data, labels]);
  const regions = useMemo(
    () => (byRegion.data ? barsOption(byRegion.data.groups, chartLabels(t, 'region')) : {}),
    [byRegion.data, t],
  );
  const error = total.error ?? byUnit.error;
  return (
    <div data-testid="DashboardPage">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dash.title')}
        </Typography.Title>
        <Space wrap>
          <span>{t('dash.period')}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            presets={[
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              {
                label: '上月',
                value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
              },
              { label: '近三月', value: [dayjs().subtract(2, 'month').startOf('month'), dayjs()] },
            ]}
          />
          <Link to="../wall">{t('dash.wall')}</Link>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={(error as Error).message} style={{ marginBottom: 12 }} />}
      <KpiNowRow />
      {total.data && (
        <>
          <Typography.Text type="secondary">
            {t('dash.previous', { from: total.data.previous.from, to: total.data.previous.to })}
          </Typography.Text>
          <div style={{ margin: '8px 0 12px' }}>
            <KpiCards keys={kpiKeys} definitions={total.data.definitions} group={total.data.total} />
          </div>
        </>
      )}
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dash.trend')}>
            <EChart option={trend} testId="kpi-trend" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dash.byCategory')}>
            <EChart option={pie} testId="kpi-category" />
          </Card>
        </Col>
        <Col xs={24} xl={14} style={{ marginTop: 12 }}>
          <Card size="small" title={t('dash.byUnit')}>
            <EChart option={units} height={420} testId="kpi-units" />
          </Card>
        </Col>
        <Col xs={24} xl={10} style={{ marginTop: 12 }}>
          <Card size="small" title={t('dash.byRegion')}>
            <EChart option={regions} height={420} testId="kpi-regions" />
          </Card>
        </Col>
        <Col span={24} style={{ marginTop: 12 }}>
          <KpiByDimension period={period} unitScoped={unitScoped} />
        </Col>
      </Row>
    </div>
  );
}
