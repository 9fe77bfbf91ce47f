import { useState } from 'react';
import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { forwardsOn, type ForwardInboxItemView } from '../../shared/contract';
import type { Order, OrderAction } from '../api/types';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { forwardingMessages } from './forwarding.messages';
import { useForwardInbox } from './forwarding-api';

/**
 * The next move on a hop from the inbox: sign for it, reply up (or pass it down, unless the receiving
 * unit is of a kind nothing receives from, a village committee), or accept the sub-unit's reply.
 */
const quickActions = (item: ForwardInboxItemView, side: 'incoming' | 'toAccept'): OrderAction[] =>
  side === 'toAccept'
    ? ['hop_accept', 'hop_send_back']
    : item.hop.state === 'pending'
      ? ['hop_sign', 'hop_return']
      : forwardsOn(item.hop.toUnitKind)
        ? ['hop_reply', 'forward']
        : ['hop_reply'];

/** The unit's forwarded orders (下派): hops addressed to it, and its sub-units' replies to accept. */
export function ForwardInboxCard() {
  const f = useT(forwardingMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const inbox = useForwardInbox();
  const [pending, setPending] = useState<{ order: Pick<Order, 'id' | 'version' | 'orderNo'>; action: OrderAction } | null>(null);
  const data = inbox.data;
  if (!data || (data.incoming.length === 0 && data.toAccept.length === 0)) return null;
  const table = (side: 'incoming' | 'toAccept', rows: ForwardInboxItemView[]) => (
    <Table<ForwardInboxItemView>
      size="small"
      rowKey={(r) => r.hop.id}
      pagination={false}
      dataSource={rows}
      data-testid={`forward-inbox-${side}`}
      locale={{ emptyText: f('inbox.empty') }}
      columns={[
        {
          title: f('inbox.order'),
          key: 'order',
          render: (_, r) => (
            <Link to={`/orders/${r.orderId}`} data-testid={`forward-open-${r.orderNo}`}>
              {r.orderNo} {r.title}
            </Link>
          ),
        },
        { title: f('inbox.from'), key: 'from', render: (_, r) => r.hop.fromUnitName },
        { title: f('inbox.to'), key: 'to', render: (_, r) => r.hop.toUnitName },
        { title: f('chain.due'), key: 'due', render: (_, r) => formatTime(r.hop.dueAt) },
        { title: '', key: 'state', render: (_, r) => <Tag>{f(`hop.${r.hop.state}`)}</Tag> },
        {
          title: '',
          key: 'actions',
          render: (_, r) => (
            <Space size={4} wrap>
              {quickActions(r, side).map((a) => (
                <Button
                  key={a}
                  size="small"
                  data-testid={`forward-quick-${a}-${r.orderNo}`}
                  onClick={() => setPending({ order: { id: r.orderId, version: r.orderVersion, orderNo: r.orderNo }, action: a })}
                >
                  {l(`action.${a}`)}
                </Button>
              ))}
              <Link to={`/orders/${r.orderId}`}>{s('common.open')}</Link>
            </Space>
          ),
        },
      ]}
    />
  );
  return (
    <Card title={f('inbox.title')} data-testid="forward-inbox">
      <Tabs
        items={[
          {
            key: 'incoming',
            label: <span data-testid="forward-tab-incoming">{`${f('inbox.incoming')} (${data.incoming.length})`}</span>,
            children: table('incoming', data.incoming),
          },
          {
            key: 'toAccept',
            label: <span data-testid="forward-tab-toAccept">{`${f('inbox.toAccept')} (${data.toAccept.length})`}</span>,
            children: table('toAccept', data.toAccept),
          },
        ]}
        defaultActiveKey={data.incoming.length > 0 ? 'incoming' : 'toAccept'}
      />
      {pending && <ActionDialog order={pending.order} action={pending.action} onClose={() => setPending(null)} />}
    </Card>
  );
}
