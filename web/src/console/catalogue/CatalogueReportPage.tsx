import { Card, Col, DatePicker, Empty, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import type { CatalogueReport } from '../../shared/contract';
import { useCatalogueReport } from './catalogue-api';
import { catalogueMessages } from './catalogue.messages';

type RuleRow = CatalogueReport['rules'][number];
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** /catalogue/report: how far dispatches follow the catalogue, and the rules whose dispatches come back. */
export function CatalogueReportPage() {
  const t = useT(catalogueMessages);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(90, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const report = useCatalogueReport(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const r = report.data;
  return (
    <Card
      title={t('report.title')}
      extra={
        <Space>
          <Typography.Text>{t('report.period')}</Typography.Text>
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        </Space>
      }
      loading={report.isLoading}
      data-testid="catalogue-report"
    >
      <Typography.Paragraph type="secondary">{t('report.note')}</Typography.Paragraph>
      {r && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16} data-testid="catalogue-report-totals">
            <Col span={4}>
              <Statistic title={t('report.dispatches')} value={r.dispatches} />
            </Col>
            <Col span={4}>
              <Statistic title={t('report.followed')} value={r.followed} />
            </Col>
            <Col span={4}>
              <Statistic title={t('report.overridden')} value={r.overridden} />
            </Col>
            <Col span={4}>
              <Statistic title={t('report.noRule')} value={r.noRule} />
            </Col>
            <Col span={4}>
              <Statistic title={t('report.auto')} value={r.auto} />
            </Col>
            <Col span={4}>
              <Statistic title={t('report.followRate')} value={percent(r.followRate)} data-testid="catalogue-follow-rate" />
            </Col>
          </Row>
          <Typography.Title level={5}>{t('report.rules')}</Typography.Title>
          <Table
            rowKey="ruleId"
            size="small"
            dataSource={r.rules}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <Empty description={t('report.empty')} /> }}
            data-testid="catalogue-report-rules"
            columns={[
              { title: t('col.no'), dataIndex: 'no', width: 64, render: (no: number) => `#${no}` },
              { title: t('report.rule'), dataIndex: 'label' },
              { title: t('col.lead'), dataIndex: 'leadUnitName' },
              { title: t('report.followed'), dataIndex: 'followed', width: 110 },
              { title: t('report.overridden'), dataIndex: 'overridden', width: 110 },
              { title: t('report.returned'), dataIndex: 'returned', width: 80 },
              {
                title: t('report.returnRate'),
                width: 180,
                render: (_, row: RuleRow) =>
                  row.returnRate === null ? (
                    '—'
                  ) : (
                    <Progress
                      percent={Math.round(row.returnRate * 1000) / 10}
                      size="small"
                      status={row.returnRate >= 0.2 ? 'exception' : 'normal'}
                      format={() => percent(row.returnRate)}
                    />
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
