import { App, Button, Card, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import type { OrderState } from '../api/types';
import { formatTime, StateTag } from '../common/tags';
import { orderMessages } from '../messages/orders';
import { queueMessages } from '../messages/queues';
import { errorText } from '../orders/ActionDialog';

interface FollowUp {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  order_state: OrderState;
  deadline_due_at: string | null;
  lead_unit_name: string | null;
  reason: string;
  origin: 'auto' | 'manual';
  added_at: string;
}

/** 领导盯办: the open follow-up list kept by the supervision capability (GET /api/leader-followups). */
export function FollowedOrders() {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const followed = useQuery({
    queryKey: ['orders', 'leader-followups'],
    queryFn: () => api<{ items: FollowUp[] }>('/api/leader-followups'),
  });
  async function end(orderId: string) {
    try {
      await api(`/api/orders/${orderId}/leader-followup`, { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['orders'] });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  }
  const rows = followed.data?.items ?? [];
  return (
    <Card title={q('leader.followed')} data-testid="leader-followed">
      {!followed.isLoading && rows.length === 0 ? (
        <Typography.Text type="secondary">{q('leader.followedNone')}</Typography.Text>
      ) : (
        <Table<FollowUp>
          size="small"
          rowKey="id"
          loading={followed.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: o('col.orderNo'),
              dataIndex: 'order_no',
              render: (no: string, r) => <Link to={`/orders/${r.order_id}`}>{no}</Link>,
            },
            { title: o('col.title'), dataIndex: 'title', ellipsis: true },
            { title: o('col.state'), dataIndex: 'order_state', render: (s: OrderState) => <StateTag state={s} /> },
            { title: o('col.leadUnit'), dataIndex: 'lead_unit_name' },
            { title: o('col.deadline'), dataIndex: 'deadline_due_at', render: (v: string | null) => formatTime(v) },
            { title: o('form.reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: o('col.actions'),
              key: 'end',
              render: (_, r) => (
                <Button size="small" onClick={() => end(r.order_id)}>
                  {q('leader.end')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
