import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { labels } from '../common/labels.messages';
import { UnitPicker } from '../common/pickers';
import { withQuery } from './analytics-api';
import { analyticsMessages } from './analytics.messages';
import { ORDER_STATES } from '../../shared/contract';

/** 报表: the monthly report (.xlsx and printable page) and the CSV export of order lists (issue 6). */
export function ReportsPage() {
  const t = useT(analyticsMessages);
  const l = useT(labels);
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [unitId, setUnitId] = useState<string | undefined>();
  const [states, setStates] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [q, setQ] = useState('');
  const reportParams = { month: month.format('YYYY-MM'), unitId };
  const csvUrl = withQuery('/api/orders/export.csv', {
    state: states.join(',') || undefined,
    from: range?.[0].startOf('day').toISOString(),
    to: range?.[1].add(1, 'day').startOf('day').toISOString(),
    q: q.trim() || undefined,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="ReportsPage">
      <Card title={t('rep.title')}>
        <Form layout="inline">
          <Form.Item label={t('rep.month')}>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
          </Form.Item>
          <Form.Item label={t('rep.unit')} style={{ minWidth: 280 }}>
            <UnitPicker value={unitId} onChange={setUnitId} />
          </Form.Item>
          <Space>
            <Button type="primary" href={withQuery('/api/reports/monthly.xlsx', reportParams)} data-testid="report-xlsx">
              {t('rep.xlsx')}
            </Button>
            <Button href={withQuery('/api/reports/monthly.html', reportParams)} target="_blank" data-testid="report-print">
              {t('rep.print')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card title={t('rep.csv')}>
        <Typography.Paragraph type="secondary">{t('rep.csvHelp')}</Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('rep.state')} style={{ minWidth: 260 }}>
            <Select
              mode="multiple"
              allowClear
              value={states}
              onChange={setStates}
              options={ORDER_STATES.map((s) => ({ value: s, label: l(`state.${s}` as Parameters<typeof l>[0]) }))}
            />
          </Form.Item>
          <Form.Item label={t('rep.from')}>
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} />
          </Form.Item>
          <Form.Item label={t('rep.q')}>
            <Input value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
          </Form.Item>
          <Button href={csvUrl} data-testid="orders-csv">
            {t('rep.download')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
