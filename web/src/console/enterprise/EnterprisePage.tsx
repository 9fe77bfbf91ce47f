import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { useT } from '../../shared/i18n';
import type { EnterpriseQueueRow, OrderState } from '../../shared/contract';
import { formatTime, StateTag } from '../common/tags';
import { KpiCards } from '../analytics/KpiCards';
import { useEnterpriseKpis, useEnterpriseOrders, type EnterpriseStatus } from './enterprise-api';
import { enterpriseMessages } from './enterprise.messages';

/** What the enterprise desk watches: 响应率, 办结率, 满意率 … of enterprise appeals only. */
const ENTERPRISE_KPIS = [
  'acceptedCount',
  'transferredCount',
  'closedCount',
  'responseRate',
  'closureRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'resolutionRate',
  'rehandleRate',
  'avgHandlingHours',
] as const;

/** 涉企诉求 desk (ADR 0137): this month's figures of enterprise appeals and their queue. */
export function EnterprisePage() {
  const t = useT(enterpriseMessages);
  const [status, setStatus] = useState<EnterpriseStatus>('open');
  const period = { from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') };
  const kpis = useEnterpriseKpis(period);
  const orders = useEnterpriseOrders(status);
  return (
    <div data-testid="EnterprisePage">
      <Typography.Title level={3}>{t('ent.title')}</Typography.Title>
      <Card title={t('ent.kpis', period)} style={{ marginBottom: 16 }} data-testid="enterprise-kpis">
        {kpis.data && <KpiCards keys={ENTERPRISE_KPIS} definitions={kpis.data.definitions} group={kpis.data.total} />}
      </Card>
      <Card
        title={`${t('ent.title')} (${orders.data?.total ?? 0})`}
        extra={
          <Segmented<EnterpriseStatus>
            value={status}
            onChange={setStatus}
            options={(['open', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`ent.${v}`) }))}
            data-testid="enterprise-status"
          />
        }
      >
        <Table<EnterpriseQueueRow>
          rowKey="orderId"
          size="small"
          loading={orders.isLoading}
          dataSource={orders.data?.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('ent.empty') }}
          scroll={{ x: 900 }}
          data-testid="enterprise-list"
          columns={[
            {
              title: t('ent.order'),
              key: 'order',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/orders/${r.orderId}`} data-testid={`enterprise-row-${r.orderNo}`}>
                    {r.orderNo}
                  </Link>
                  <span>{r.title}</span>
                </Space>
              ),
            },
            {
              title: t('ent.company'),
              key: 'company',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>
                    {r.companyName} {r.protectName && <Tag color="purple">{t('ent.protectedTag')}</Tag>}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.creditCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('ent.unit'), dataIndex: 'leadUnitName', width: 180, render: (v: string | null) => v ?? '—' },
            { title: t('ent.state'), key: 'state', width: 110, render: (_, r) => <StateTag state={r.state as OrderState} /> },
            { title: t('ent.accepted'), key: 'at', width: 140, render: (_, r) => formatTime(r.acceptedAt) },
          ]}
        />
      </Card>
    </div>
  );
}
