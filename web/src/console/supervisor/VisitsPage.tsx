import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrderDetail, useTimeline } from '../api/queries';
import type { Order, OrderAction } from '../api/types';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from '../orders/orders.messages';
import { queueMessages } from '../common/queues.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { latestReply } from './LatestReply';
import { CallRecordings } from '../calls/OrderCalls';
import { QueueDesk } from './QueueDesk';

/** The return-visit console: the call list (state visiting), a script, and the outcome: close or re-handle. */
export function VisitsPage() {
  const q = useT(queueMessages);
  return (
    <QueueDesk
      state="visiting"
      name="visit"
      title={q('visits.title')}
      openLabel={q('visits.open')}
      pickHint={q('visits.pick')}
      panel={(order, done) => <VisitPanel order={order} onDone={done} />}
    />
  );
}

/** The script ends the reply with its own full stop; a reply that already ends a sentence would read 。。 */
const withoutFinalStop = (text: string) => text.replace(/[。！？.!?\s]+$/u, '');

function VisitPanel({ order, onDone }: { order: Order; onDone: () => void }) {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  const [action, setAction] = useState<OrderAction | null>(null);
  const reply = latestReply(useTimeline(order.id).data?.events);
  // The detail shows the caller's number to those allowed to call back (and logs that it was seen).
  const caller = useOrderDetail(order.id).data?.order.caller ?? order.caller;
  const script = q('visits.scriptText', {
    date: formatTime(order.acceptedAt),
    title: order.title,
    reply: withoutFinalStop(reply?.text ?? '') || '—',
  });
  return (
    <Card title={<Link to={`/orders/${order.id}`}>{order.orderNo}</Link>} data-testid="visit-panel">
      <Alert
        type="info"
        title={q('visits.script')}
        description={script}
        style={{ marginBottom: 12 }}
        data-testid="visit-script"
      />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'caller',
            label: o('detail.caller'),
            children: (
              <span data-testid="visit-caller">
                {caller.name ?? '—'} · {caller.phone ?? '—'}
              </span>
            ),
          },
          { key: 'content', label: o('detail.content'), children: order.content },
          { key: 'result', label: o('detail.reply'), children: reply?.result ? l(`result.${reply.result}` as never) : '—' },
        ]}
      />
      <CallRecordings orderId={order.id} />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="visit-close" onClick={() => setAction('visit_close')}>
          {l('action.visit_close')}
        </Button>
        <Button danger data-testid="visit-rehandle" onClick={() => setAction('visit_rehandle')}>
          {l('action.visit_rehandle')}
        </Button>
      </Space>
      <ActionDialog order={order} action={action} onClose={() => setAction(null)} onDone={onDone} />
    </Card>
  );
}
