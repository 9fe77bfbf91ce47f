import { useMemo, useState } from 'react';
import { Card, Checkbox, DatePicker, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MAIN_HOTLINE, type MergedLineReportRow } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useLineReport } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';
import { LineTrendChart } from './LineTrendChart';

const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const rowKey = (r: MergedLineReportRow) => r.lineId ?? r.number;

/**
 * /channels/report (issue 16): per merged line and month — offered, answered, 接通率, appeals, share of
 * all calls, the months before — and the lines that meet the retirement criterion, so the centre can
 * decide which old numbers to retire. Clicking a row charts its months.
 */
export function LineReportPage() {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [onlyMeets, setOnlyMeets] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const report = useLineReport(month.format('YYYY-MM'));
  const data = report.data;
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !onlyMeets || r.meetsRetirement), [data, onlyMeets]);
  const meets = data?.rows.filter((r) => r.meetsRetirement).length ?? 0;
  // The chart shows the picked line, else the first one to retire, else the busiest merged line.
  const charted =
    rows.find((r) => rowKey(r) === picked) ??
    rows.find((r) => r.meetsRetirement) ??
    rows.find((r) => r.number !== MAIN_HOTLINE) ??
    rows[0];
  const words = useMemo(() => ({ offered: t('offered'), answered: t('answered'), share: t('share') }), [t]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('reportTitle')}
        data-testid="line-report"
        extra={
          <DatePicker
            picker="month"
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowClear={false}
            aria-label={t('month')}
            data-testid="line-report-month"
          />
        }
      >
        <Typography.Paragraph type="secondary">{a('report.hint')}</Typography.Paragraph>
        {data && (
          <Typography.Paragraph data-testid="line-report-criterion">
            {t('criterionHint', {
              months: data.criterion.months,
              calls: data.criterion.maxCalls,
              share: pct(data.criterion.maxShare),
            })}
          </Typography.Paragraph>
        )}
        {data && (
          <Space wrap size={32} style={{ marginBottom: 12 }}>
            <Statistic title={`${t('total')} · ${t('offered')}`} value={data.total.offered} />
            <Statistic title={t('answered')} value={data.total.answered} />
            <Statistic title={t('answerRate')} value={pct(data.total.answerRate)} />
            <Statistic title={t('appeals')} value={data.total.appeals} />
            <Statistic title={t('meets')} value={meets} valueStyle={meets > 0 ? { color: '#d4380d' } : undefined} />
          </Space>
        )}
        <div style={{ marginBottom: 8 }}>
          <Checkbox checked={onlyMeets} onChange={(e) => setOnlyMeets(e.target.checked)} data-testid="only-meets">
            {a('report.onlyMeets')}
          </Checkbox>
        </div>
        <Table<MergedLineReportRow>
          rowKey={rowKey}
          size="small"
          loading={report.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 940 }}
          data-testid="line-report-table"
          onRow={(r) =>
            ({
              'data-testid': `report-${r.number}`,
              'data-meets': r.meetsRetirement ? '1' : '0',
              onClick: () => setPicked(rowKey(r)),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('number'),
              width: 190,
              render: (_, r) => (
                <>
                  <Typography.Text strong>{r.number}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{r.lineId ? r.name : a('report.main')}</Typography.Text>
                </>
              ),
            },
            // The mark next to the number: the column the centre decides by is never scrolled away.
            {
              title: t('meets'),
              width: 100,
              render: (_, r) =>
                r.meetsRetirement ? (
                  <Tag color="volcano" data-testid="retire-mark">
                    {t('meetsYes')}
                  </Tag>
                ) : null,
            },
            { title: t('formerDepartment'), ellipsis: true, render: (_, r) => r.formerDepartment ?? '—' },
            { title: t('mode'), width: 90, render: (_, r) => (r.mode ? t(`mode.${r.mode}`) : '—') },
            { title: t('offered'), dataIndex: 'offered', width: 70, align: 'right' },
            { title: t('answered'), dataIndex: 'answered', width: 70, align: 'right' },
            { title: t('answerRate'), width: 72, align: 'right', render: (_, r) => pct(r.answerRate) },
            { title: t('appeals'), dataIndex: 'appeals', width: 70, align: 'right' },
            { title: t('share'), width: 90, align: 'right', render: (_, r) => pct(r.share) },
            {
              title: t('trend'),
              width: 130,
              render: (_, r) => (
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {[...r.trend, r].map((m) => m.offered).join('·')}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {charted && (
        <Card size="small" title={`${t('trend')} · ${charted.number} ${charted.lineId ? charted.name : ''}`}>
          <LineTrendChart row={charted} words={words} />
        </Card>
      )}
    </Space>
  );
}
