import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { VisitLinkView } from '../../shared/contract';
import { useOrderDetail, useTimeline } from '../api/queries';
import type { Order, OrderAction, TimelineEvent } from '../api/types';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from '../orders/orders.messages';
import { queueMessages } from '../common/queues.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { latestReply } from './LatestReply';
import { CallRecordings } from '../calls/OrderCalls';
import { QueueDesk } from './QueueDesk';
import { SendLinkButton, VisitLinksCard, VisitLinkTag } from './VisitLinkParts';
import { latestLinkByOrder, useDirectSamples, useVisitLinks } from './visits-api';
import { visitMessages } from './visits.messages';

/**
 * The return-visit console: the call list (state visiting, then the sampled 直办 orders), a script, the
 * outcome (close or re-handle; a 直办 visit), or a one-time rating link by SMS instead of the call (ADR 0202).
 */
export function VisitsPage() {
  const q = useT(queueMessages);
  const v = useT(visitMessages);
  const links = latestLinkByOrder(useVisitLinks().data?.items);
  const direct = useDirectSamples().data?.items;
  return (
    <>
      <QueueDesk
        state="visiting"
        name="visit"
        title={q('visits.title')}
        openLabel={q('visits.open')}
        pickHint={q('visits.pick')}
        extra={direct}
        tag={(o) => (
          <>
            {o.state === 'closed' && <Tag color="purple">{v('visits.direct')}</Tag>}
            <VisitLinkTag link={links.get(o.id)} />
          </>
        )}
        panel={(order, done) => <VisitPanel order={order} link={links.get(order.id)} onDone={done} />}
      />
      <VisitLinksCard />
    </>
  );
}

/** The script ends the reply with its own full stop; a reply that already ends a sentence would read 。。 */
const withoutFinalStop = (text: string) => text.replace(/[。！？.!?\s]+$/u, '');

/** The centre's own answer of a 直办 order, as its timeline recorded it. */
const directAnswer = (events: TimelineEvent[] | undefined) => {
  const e = [...(events ?? [])].reverse().find((x) => x.action === 'answer_directly');
  return typeof e?.payload?.answer === 'string' ? e.payload.answer : null;
};

function VisitPanel({ order, link, onDone }: { order: Order; link: VisitLinkView | undefined; onDone: () => void }) {
  const q = useT(queueMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  const v = useT(visitMessages);
  const [action, setAction] = useState<OrderAction | null>(null);
  const events = useTimeline(order.id).data?.events;
  const direct = order.state === 'closed';
  const reply = latestReply(events);
  const answer = direct ? directAnswer(events) : (reply?.text ?? null);
  // The detail shows the caller's number to those allowed to call back (and logs that it was seen).
  const caller = useOrderDetail(order.id).data?.order.caller ?? order.caller;
  const script = q('visits.scriptText', {
    date: formatTime(order.acceptedAt),
    title: order.title,
    reply: withoutFinalStop(answer ?? '') || '—',
  });
  return (
    <Card title={<Link to={`/orders/${order.id}`}>{order.orderNo}</Link>} data-testid="visit-panel">
      {direct && <Alert type="warning" title={v('visits.directHint')} style={{ marginBottom: 12 }} showIcon />}
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
          direct
            ? { key: 'answer', label: v('visits.answer'), children: answer ?? '—' }
            : { key: 'result', label: o('detail.reply'), children: reply?.result ? l(`result.${reply.result}` as never) : '—' },
        ]}
      />
      <CallRecordings orderId={order.id} />
      <Space style={{ marginTop: 12 }}>
        {direct ? (
          <Button type="primary" data-testid="visit-direct" onClick={() => setAction('direct_visit')}>
            {v('visits.directVisit')}
          </Button>
        ) : (
          <>
            <Button type="primary" data-testid="visit-close" onClick={() => setAction('visit_close')}>
              {l('action.visit_close')}
            </Button>
            <Button danger data-testid="visit-rehandle" onClick={() => setAction('visit_rehandle')}>
              {l('action.visit_rehandle')}
            </Button>
          </>
        )}
      </Space>
      <SendLinkButton order={order} link={link} />
      <ActionDialog order={order} action={action} onClose={() => setAction(null)} onDone={onDone} />
    </Card>
  );
}
