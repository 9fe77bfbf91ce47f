import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrders } from '../api/queries';
import type { OrderAction } from '../api/types';
import { labels } from '../messages/labels';
import { orderMessages } from '../messages/orders';
import { queueMessages } from '../messages/queues';
import { ActionDialog } from '../orders/ActionDialog';
import { LatestReply } from './LatestReply';
import { PickQueue } from './PickQueue';

/** The centre's review of unit replies: read the appeal and the reply, accept or send back. */
export function ReviewPage() {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  const replied = useOrders({ state: 'replied', limit: 200 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [action, setAction] = useState<OrderAction | null>(null);
  const selected = replied.data?.items.find((x) => x.id === selectedId) ?? null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <PickQueue
          title={q('review.title')}
          orders={replied.data?.items}
          loading={replied.isLoading}
          openLabel={q('review.open')}
          testId="review-list"
          openTestId="review-open"
          onPick={(x) => setSelectedId(x.id)}
        />
      </Col>
      <Col xs={24} xl={11}>
        <Card
          title={selected ? <Link to={`/orders/${selected.id}`}>{selected.orderNo}</Link> : q('review.title')}
          data-testid="review-panel"
        >
          {!selected ? (
            <Empty description={q('review.pick')} />
          ) : (
            <>
              <Descriptions
                column={1}
                size="small"
                bordered
                items={[
                  { key: 'title', label: o('col.title'), children: selected.title },
                  { key: 'content', label: o('detail.content'), children: selected.content },
                  {
                    key: 'result',
                    label: o('detail.reply'),
                    children: selected.replyResult ? l(`result.${selected.replyResult}` as never) : '—',
                  },
                  { key: 'reply', label: q('visits.reply'), children: <LatestReply orderId={selected.id} /> },
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
              <ActionDialog order={selected} action={action} onClose={() => setAction(null)} onDone={() => setSelectedId(null)} />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
