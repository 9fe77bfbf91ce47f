import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import type { KpiKey } from '../../shared/contract';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang, useT } from '../../shared/i18n';
import { hasRole, useSession } from '../shell/session';
import {
  decideAppeal,
  excludeOrder,
  fileAppeal,
  freezeMonth,
  useAppeals,
  useAssessmentHistory,
  useMonthAssessment,
  type Appeal,
  type UnitScore,
} from './analytics-api';
import { analyticsMessages } from './analytics.messages';
import { HistoryChart } from './HistoryChart';

const INDICATOR_NAMES: Partial<Record<KpiKey, [string, string]>> = {
  responseRate: ['响应率', 'Response rate'],
  resolutionRate: ['解决率', 'Resolution rate'],
  satisfactionRate: ['满意率', 'Satisfaction rate'],
};
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 月度考核: ranking, weights, freeze, 申诉 and exclusions, history (issue 6). */
export function AssessmentPage() {
  const t = useT(analyticsMessages);
  const { lang } = useLang();
  const me = useSession();
  const write = useWrite();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const m = month.format('YYYY-MM');
  const data = useMonthAssessment(m);
  const appeals = useAppeals(m);
  const history = useAssessmentHistory(dayjs().format('YYYY-MM'));
  const canRun = hasRole(me, 'analyst', 'supervisor');
  const isUnitAdmin = hasRole(me, 'unit_admin');
  const run = async (fn: () => Promise<unknown>) => {
    await write(fn, { success: t('as.done'), invalidate: [...keys.assessmentAll] });
  };
  const indicatorName = (key: string) => INDICATOR_NAMES[key as KpiKey]?.[lang === 'en' ? 1 : 0] ?? key;
  const cfg = data.data?.config;
  const monthName = month.format(t('as.monthFormat'));
  // The server freezes the month in the URL (the picked one) and only once it is over.
  const monthOver = month.endOf('month').isBefore(dayjs());
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="AssessmentPage">
      <Card
        title={t('as.title')}
        extra={
          <Space>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
            {data.data && (
              <Tag color={data.data.status === 'frozen' ? 'blue' : 'gold'} data-testid="assessment-status">
                {data.data.status === 'frozen'
                  ? t('as.status.frozen', { at: dayjs(data.data.frozenAt).format('YYYY-MM-DD HH:mm') })
                  : t('as.status.draft')}
              </Tag>
            )}
            {canRun && data.data?.status === 'draft' && monthOver && (
              <Popconfirm title={t('as.freezeConfirm', { month: monthName })} onConfirm={() => run(() => freezeMonth(m))}>
                <Button type="primary" data-testid="assessment-freeze">
                  {t('as.freeze', { month: monthName })}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {data.error && <Alert type="error" message={(data.error as Error).message} />}
        <Table<UnitScore>
          rowKey="unitId"
          size="small"
          loading={data.isLoading}
          dataSource={data.data?.rows ?? []}
          pagination={false}
          columns={[
            { title: t('as.col.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
            { title: t('as.col.unit'), dataIndex: 'unitName' },
            {
              title: t('as.col.score'),
              dataIndex: 'score',
              render: (v: number | null) =>
                v === null ? <Typography.Text type="secondary">{t('as.noScore')}</Typography.Text> : <b>{v}</b>,
            },
            ...(cfg?.indicators ?? []).map((ind, i) => ({
              title: `${indicatorName(ind.key)} (${ind.weight})`,
              key: ind.key,
              render: (_: unknown, r: UnitScore) => pct(r.indicators[i]?.value ?? null),
            })),
            { title: t('as.col.base'), dataIndex: 'baseScore', render: (v: number | null) => v ?? '—' },
            {
              title: t('as.col.deduction'),
              render: (_: unknown, r: UnitScore) => (
                <span
                  title={t('as.col.deductionDetail', {
                    o: r.deductions.overdue,
                    r: r.deductions.returns,
                    h: r.deductions.rehandles,
                  })}
                >
                  {r.deductionPoints > 0 ? `−${r.deductionPoints}` : 0}
                </span>
              ),
            },
            { title: t('as.col.excluded'), dataIndex: 'excludedOrders' },
          ]}
        />
        {cfg && (
          <Descriptions size="small" column={1} style={{ marginTop: 16 }} title={t('as.weights')}>
            <Descriptions.Item label="Σ">
              {cfg.indicators.map((i) => `${indicatorName(i.key)} ${i.weight}`).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label="−">
              {t('as.points', {
                o: cfg.deductions.overdue,
                r: cfg.deductions.return,
                h: cfg.deductions.rehandle,
                b: cfg.basicSatisfiedWeight,
              })}
            </Descriptions.Item>
            <Descriptions.Item label="=">{t('as.weightsHelp')}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('as.appeals')}>
            <Table<Appeal>
              rowKey="id"
              size="small"
              dataSource={appeals.data?.items ?? []}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t('as.appeal.order'), render: (_v, a) => <a href={`/orders/${a.order_id}`}>{a.order_no}</a> },
                { title: t('as.appeal.unit'), dataIndex: 'unit_name' },
                { title: t('as.appeal.reason'), dataIndex: 'reason' },
                {
                  title: t('as.appeal.status'),
                  render: (_v, a) =>
                    a.status === 'pending' && canRun && data.data?.status === 'draft' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => run(() => decideAppeal(a.id, { accept: true }))}>
                          {t('as.appeal.accept')}
                        </Button>
                        <Button size="small" danger onClick={() => run(() => decideAppeal(a.id, { accept: false }))}>
                          {t('as.appeal.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <Tag color={a.status === 'accepted' ? 'green' : a.status === 'rejected' ? 'red' : 'gold'}>
                        {t(`as.appeal.${a.status}`)}
                      </Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          {isUnitAdmin && (
            <OrderReasonForm
              title={t('as.appeal.file')}
              submit={t('as.appeal.submit')}
              onSubmit={(v) => run(() => fileAppeal(v))}
            />
          )}
          {canRun && (
            <OrderReasonForm
              title={t('as.exclude')}
              submit={t('as.exclude.submit')}
              onSubmit={(v) => run(() => excludeOrder(v))}
            />
          )}
        </Col>
      </Row>
      <Card title={t('as.history')}>
        {history.data && history.data.items.length === 0 ? (
          <Empty description={t('as.historyNone')} data-testid="assessment-history-none" />
        ) : (
          <HistoryChart items={history.data?.items ?? []} />
        )}
      </Card>
    </Space>
  );
}

function OrderReasonForm(props: {
  title: string;
  submit: string;
  onSubmit: (v: { orderId: string; reason: string }) => Promise<void>;
}) {
  const t = useT(analyticsMessages);
  const [form] = Form.useForm<{ orderId: string; reason: string }>();
  return (
    <Card title={props.title} size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          await props.onSubmit(v);
          form.resetFields();
        }}
      >
        <Form.Item name="orderId" label={t('as.appeal.orderNo')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('as.appeal.reason')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {props.submit}
        </Button>
      </Form>
    </Card>
  );
}
