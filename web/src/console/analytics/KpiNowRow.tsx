import { Card, Col, Row, Statistic } from 'antd';
import { useT } from '../../shared/i18n';
import { useKpiNow } from './kpi-api';
import { kpiMessages } from './kpi.messages';

/** The 数据看板's counters of right now: open orders, red and yellow, accepted and closed today. */
export function KpiNowRow() {
  const t = useT(kpiMessages);
  const now = useKpiNow().data;
  if (!now) return null;
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col span={5}>
        <Card size="small">
          <Statistic title={t('dash.open')} value={now.open} />
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small">
          <Statistic title={t('dash.red')} value={now.red} valueStyle={{ color: '#cf1322' }} />
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small">
          <Statistic title={t('dash.yellow')} value={now.yellow} valueStyle={{ color: '#d48806' }} />
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small">
          <Statistic title={t('dash.acceptedToday')} value={now.acceptedToday} />
        </Card>
      </Col>
      <Col span={4}>
        <Card size="small">
          <Statistic title={t('dash.closedToday')} value={now.closedToday} />
        </Card>
      </Col>
    </Row>
  );
}
