import { useState } from 'react';
import { Button, Card, Space, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrderQueues, useSubCentres, useUnits } from '../api/queries';
import { useSession } from '../shell/session';
import type { Order, OrderAction } from '../api/types';
import { QueueCount } from '../common/QueueCount';
import { nameIndex } from '../common/tree';
import { labels } from '../common/labels.messages';
import { queueMessages } from '../common/queues.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { ServerQueueTable } from '../queues/ServerQueueTable';
import { BulkButton } from '../queues/BulkButtons';

const QUEUES = {
  toDispatch: { state: 'accepted' },
  returns: { state: 'return_requested' },
  extensions: { state: 'extension_requested' },
} as const;
/** The tabs' counts: the server's totals, one row each (the tabs read their own pages). */
const COUNTS = Object.fromEntries(Object.entries(QUEUES).map(([k, v]) => [k, { ...v, limit: 1 }])) as Record<
  keyof typeof QUEUES,
  { state: string; limit: number }
>;
type QueueKey = keyof typeof QUEUES;

const QUICK: Record<QueueKey, OrderAction[]> = {
  toDispatch: ['dispatch', 'merge', 'reject'],
  returns: ['approve_return', 'reject_return'],
  extensions: ['approve_extension', 'reject_extension'],
};

/** The dispatcher's desk: orders to dispatch, returns and extension requests to rule on. */
export function DispatchPage() {
  const q = useT(queueMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const [tab, setTab] = useState<QueueKey>('toDispatch');
  const [pending, setPending] = useState<{ order: Order; action: OrderAction } | null>(null);
  const lists = useOrderQueues(COUNTS);
  const units = nameIndex(useUnits().data?.items);
  const deskMoves = useDeskMoves();
  const quick = (key: QueueKey) => (o: Order) => (
    <Space size={4} wrap>
      {[...QUICK[key], ...(key === 'toDispatch' ? deskMoves : [])].map((a) => (
        <Button key={a} size="small" data-testid={`quick-${a}-${o.orderNo}`} onClick={() => setPending({ order: o, action: a })}>
          {l(`action.${a}`)}
        </Button>
      ))}
      <Link to={`/orders/${o.id}`}>{s('common.open')}</Link>
    </Space>
  );
  return (
    <Card title={q('dispatch.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as QueueKey)}
        items={(Object.keys(QUEUES) as QueueKey[]).map((key) => ({
          key,
          label: (
            <span data-testid={`dispatch-tab-${key}`}>
              {q(`dispatch.${key}`)}
              <QueueCount list={lists[key].data} />
            </span>
          ),
          children: (
            <ServerQueueTable
              queue="dispatch"
              base={QUEUES[key]}
              actions={quick(key)}
              actionsWidth={key === 'toDispatch' && deskMoves.length > 0 ? 290 : 210}
              oneState
              unitNames={key === 'toDispatch' ? undefined : units}
              testId={`dispatch-list-${key}`}
              bulk={
                key === 'toDispatch'
                  ? (selected, clear) => <BulkButton action="dispatch" selected={selected} done={clear} />
                  : undefined
              }
            />
          ),
        }))}
      />
      {pending && <ActionDialog order={pending.order} action={pending.action} onClose={() => setPending(null)} />}
    </Card>
  );
}

/**
 * Sub-centres (ADR 0110): the league's dispatcher sends a waiting order to a sub-centre (转分中心), a
 * sub-centre's dispatcher hands it back up (上交中心); nothing where the centre has no sub-centres.
 */
function useDeskMoves(): OrderAction[] {
  const me = useSession();
  const desks = useSubCentres().data?.items ?? [];
  if (desks.length === 0) return [];
  return me.deskUnitId ? ['hand_up'] : ['route_to_desk'];
}
