import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { orderMessages } from '../messages/orders';
import { queueMessages } from '../messages/queues';

interface FollowUp {
  id?: string;
  orderId?: string;
  orderNo?: string;
  title?: string;
  reason?: string;
  addedAt?: string;
  order?: { id: string; orderNo: string; title: string };
}

/**
 * The follow-up list (领导盯办) belongs to the time-limits capability. Its path is read from the
 * OpenAPI document, so this list appears when that API is deployed and the page makes no failing
 * request before.
 */
async function fetchFollowUps(): Promise<FollowUp[] | null> {
  const doc = await api<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
  const path = Object.keys(doc.paths).find((p) => /follow-?ups?/i.test(p) && !p.includes('{') && doc.paths[p].get);
  if (!path) return null;
  const body = await api<{ items: FollowUp[] }>(path);
  return body.items;
}

export function FollowedOrders() {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const followed = useQuery({ queryKey: ['orders', 'follow-ups'], queryFn: fetchFollowUps, retry: false });
  const rows = (followed.data ?? []).map((f) => ({
    key: f.id ?? f.orderId ?? f.order?.id ?? '',
    orderId: f.orderId ?? f.order?.id ?? f.id ?? '',
    orderNo: f.orderNo ?? f.order?.orderNo ?? '',
    title: f.title ?? f.order?.title ?? '',
    reason: f.reason ?? '',
    addedAt: f.addedAt ?? null,
  }));
  return (
    <Card title={q('leader.followed')} data-testid="leader-followed">
      {!followed.isLoading && rows.length === 0 ? (
        <Typography.Text type="secondary">{q('leader.followedNone')}</Typography.Text>
      ) : (
        <Table
          size="small"
          loading={followed.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: o('col.orderNo'),
              dataIndex: 'orderNo',
              render: (no: string, r) => <Link to={`/orders/${r.orderId}`}>{no || r.orderId}</Link>,
            },
            { title: o('col.title'), dataIndex: 'title' },
            { title: o('form.reason'), dataIndex: 'reason' },
            { title: o('col.acceptedAt'), dataIndex: 'addedAt', render: (v: string | null) => formatTime(v) },
          ]}
        />
      )}
    </Card>
  );
}
