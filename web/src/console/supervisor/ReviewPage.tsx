import { useState } from 'react';
import { Button, Card, Descriptions, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { Order, OrderAction } from '../api/types';
import { labels } from '../common/labels.messages';
import { RehandleTag } from '../common/tags';
import { orderMessages } from '../orders/orders.messages';
import { queueMessages } from '../common/queues.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { LatestReply } from './LatestReply';
import { QueueDesk } from './QueueDesk';

/** The centre's review of unit replies: read the appeal and the reply, accept or send back. */
export function ReviewPage() {
  const q = useT(queueMessages);
  return (
    <QueueDesk
      state="replied"
      name="review"
      title={q('review.title')}
      openLabel={q('review.open')}
      pickHint={q('review.pick')}
      panel={(order, done) => <ReviewPanel order={order} onDone={done} />}
    />
  );
}

function ReviewPanel({ order, onDone }: { order: Order; onDone: () => void }) {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  const [action, setAction] = useState<OrderAction | null>(null);
  return (
    <Card
      title={
        <Space>
          <Link to={`/orders/${order.id}`}>{order.orderNo}</Link>
          <RehandleTag count={order.rehandleCount} />
        </Space>
      }
      data-testid="review-panel"
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'title', label: o('col.title'), children: order.title },
          { key: 'content', label: o('detail.content'), children: order.content },
          {
            key: 'result',
            label: o('detail.reply'),
            children: order.replyResult ? l(`result.${order.replyResult}` as never) : '—',
          },
          { key: 'reply', label: q('visits.reply'), children: <LatestReply orderId={order.id} /> },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="review-accept" onClick={() => setAction('review_accept')}>
          {l('action.review_accept')}
        </Button>
        <Button danger data-testid="review-send-back" onClick={() => setAction('review_send_back')}>
          {l('action.review_send_back')}
        </Button>
      </Space>
      <ActionDialog order={order} action={action} onClose={() => setAction(null)} onDone={onDone} />
    </Card>
  );
}
