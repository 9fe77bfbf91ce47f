import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, List, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { RegionPicker } from '../common/pickers';
import type { Hotspot } from '../../shared/contract';
import { useHotspots } from './analytics-api';
import { analyticsMessages } from './analytics.messages';

const DAY = 'YYYY-MM-DD';

/** 热点问题: topics rising in a period and place, each with its orders (issue 6). */
export function HotIssuesPage() {
  const t = useT(analyticsMessages);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, 'day'), dayjs()]);
  const [regionId, setRegionId] = useState<string | undefined>();
  const [query, setQuery] = useState({ from: range[0].format(DAY), to: range[1].add(1, 'day').format(DAY), regionId });
  const hot = useHotspots(query);
  const search = () => setQuery({ from: range[0].format(DAY), to: range[1].add(1, 'day').format(DAY), regionId });
  return (
    <Card title={t('hot.title')} data-testid="HotIssuesPage">
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('hot.period')}>
          <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('hot.region')} style={{ minWidth: 240 }}>
          <RegionPicker value={regionId} onChange={setRegionId} placeholder={t('hot.allRegions')} />
        </Form.Item>
        <Button type="primary" onClick={search} data-testid="hot-search">
          {t('hot.query')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary">
        {t('hot.help')} {hot.data && t('hot.examined', { n: hot.data.appealsExamined })}
      </Typography.Paragraph>
      {hot.error && <Alert type="error" message={(hot.error as Error).message} />}
      <Table<Hotspot>
        rowKey="key"
        loading={hot.isLoading}
        dataSource={hot.data?.items ?? []}
        locale={{ emptyText: t('hot.empty') }}
        pagination={false}
        expandable={{
          expandedRowRender: (h) => (
            <List
              size="small"
              header={t('hot.orders')}
              dataSource={h.orders}
              renderItem={(o) => (
                <List.Item>
                  <Space>
                    <Link to={`/orders/${o.id}`}>{o.orderNo}</Link>
                    <span>{o.title}</span>
                    <Typography.Text type="secondary">{dayjs(o.acceptedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: t('hot.col.rank'), render: (_v, _h, i) => i + 1, width: 64 },
          {
            title: t('hot.col.label'),
            render: (_v, h) => (
              <Space wrap>
                {h.keywords.slice(0, 4).map((k) => (
                  <Tag key={k} color="volcano">
                    {k}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('hot.col.title'), dataIndex: 'representativeTitle' },
          { title: t('hot.col.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
          { title: t('hot.col.count'), dataIndex: 'count', width: 96 },
          { title: t('hot.col.previous'), dataIndex: 'previousCount', width: 96 },
          {
            title: t('hot.col.growth'),
            dataIndex: 'growth',
            width: 96,
            render: (g: number | null) =>
              g === null ? (
                <Tag color="red">{t('hot.new')}</Tag>
              ) : (
                <span style={{ color: g > 0 ? '#cf1322' : undefined }}>{`${Math.round(g * 100)}%`}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}
