import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import type { LeaderFollowupView } from '../../shared/contract';
import { endLeaderFollowup, useFollowedOrders } from '../timelimits/timelimits-api';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import type { OrderState } from '../api/types';
import { formatRemaining, formatTime, StateTag } from '../common/tags';
import { orderMessages } from '../orders/orders.messages';
import { queueMessages } from '../common/queues.messages';

type FollowUp = LeaderFollowupView;

/** The deadline and, once it has passed, a red 已超期 mark with how long ago (a leader reads the red first). */
function FollowupDeadline({ dueAt }: { dueAt: string | null }) {
  const q = useT(queueMessages);
  const { lang } = useLang();
  const late = dueAt ? Date.now() - new Date(dueAt).getTime() : 0;
  return (
    <Space size={4} wrap>
      {formatTime(dueAt)}
      {late > 0 && (
        <Tag color="red" data-testid="followup-overdue" title={formatRemaining(-late, lang)}>
          {q('unit.overdue')}
        </Tag>
      )}
    </Space>
  );
}

/** 领导盯办: the open follow-up list kept by the supervision capability (GET /api/leader-followups). */
export function FollowedOrders() {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const write = useWrite();
  const followed = useFollowedOrders();
  const end = (orderId: string) => write(() => endLeaderFollowup(orderId), { invalidate: [keys.orders()] });
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
            {
              title: o('col.deadline'),
              dataIndex: 'deadline_due_at',
              render: (v: string | null) => <FollowupDeadline dueAt={v} />,
            },
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
