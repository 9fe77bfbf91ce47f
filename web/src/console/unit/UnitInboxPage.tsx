import { useMemo, useState } from 'react';
import { Button, Card, Space, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrderQueues, useUnits, type OrderListParams } from '../api/queries';
import type { Order, OrderAction } from '../api/types';
import { QueueCount } from '../common/QueueCount';
import { subtreeIds } from '../common/tree';
import { labels } from '../common/labels.messages';
import { queueMessages } from '../common/queues.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionDialog } from '../orders/ActionDialog';
import { ServerQueueTable } from '../queues/ServerQueueTable';
import { BulkButton } from '../queues/BulkButtons';
import { hasRole, useSession } from '../shell/session';
import { UnitFigures } from './UnitFigures';
import { ForwardInboxCard } from '../forwarding/ForwardInboxCard';
import { useForwardInbox } from '../forwarding/forwarding-api';
import { UnitInstructions, UnitInstructionsLabel } from '../leader/UnitInstructions';

const TABS: readonly { key: 'overdue' | 'toSign' | 'handling' | 'returns' | 'replied'; states: string; warning?: 'red' }[] = [
  { key: 'overdue', states: 'dispatched,handling,extension_requested,return_requested', warning: 'red' },
  { key: 'toSign', states: 'dispatched' },
  { key: 'handling', states: 'handling,extension_requested' },
  { key: 'returns', states: 'return_requested' },
  { key: 'replied', states: 'replied,visiting' },
];
type TabKey = (typeof TABS)[number]['key'];
type QueueSpecs = Record<TabKey, OrderListParams>;

/** The unit's inbox: orders to sign for and to handle, with countdowns; quick sign / contact / reply. */
export function UnitInboxPage() {
  const q = useT(queueMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const me = useSession();
  const [tab, setTab] = useState<TabKey | 'instructions'>('toSign');
  const [pending, setPending] = useState<{ order: Order; action: OrderAction } | null>(null);
  const units = useUnits();
  // 已超期 counts only orders the unit (subtree) leads: its own stages past due, as 数据看板's 红牌 (GET /api/kpis/now).
  const specs = Object.fromEntries(
    TABS.map((tb) => [tb.key, { state: tb.states, warning: tb.warning, leadUnitId: tb.warning ? me.unitId : undefined }]),
  ) as QueueSpecs;
  // The tabs' counts come from the server's totals (one row each); each tab reads its own pages.
  const counts = useOrderQueues(Object.fromEntries(TABS.map((tb) => [tb.key, { ...specs[tb.key], limit: 1 }])) as QueueSpecs);

  // Orders the unit only assists on (协办) are listed too, but signing and replying are the lead's:
  // they get a tag instead of buttons the server would refuse.
  const ownUnits = useMemo(() => subtreeIds(units.data?.items, me.unitId), [units.data, me.unitId]);
  // Orders forwarded down to the unit (下派) are its work, not 协办: their moves are in the forwarding card.
  const inbox = useForwardInbox();
  const forwarded = useMemo(() => new Set(inbox.data?.incoming.map((i) => i.orderId)), [inbox.data]);
  const quick = (o: Order) => {
    const leads = o.leadUnitId !== null && ownUnits.has(o.leadUnitId);
    const actions: OrderAction[] = !leads
      ? []
      : o.state === 'dispatched'
        ? ['sign', 'request_return']
        : o.state === 'handling'
          ? ['record_contact', 'reply']
          : [];
    return (
      <Space size={4} wrap>
        {!leads && units.data && forwarded.has(o.id) && <Tag color="blue">{l('assign.forward')}</Tag>}
        {!leads && units.data && !forwarded.has(o.id) && <Tag data-testid={`assisting-${o.orderNo}`}>{q('unit.assisting')}</Tag>}
        {actions.map((a) => (
          <Button
            key={a}
            size="small"
            data-testid={`quick-${a}-${o.orderNo}`}
            onClick={() => setPending({ order: o, action: a })}
          >
            {l(`action.${a}`)}
          </Button>
        ))}
        <Link to={`/orders/${o.id}`}>{s('common.open')}</Link>
      </Space>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {hasRole(me, 'unit_admin') && <UnitFigures />}
      <ForwardInboxCard />
      <Card title={`${q('unit.title')} · ${me.unitName}`}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as typeof tab)}
          items={[
            ...TABS.map((tb) => ({
              key: tb.key,
              label: (
                <span data-testid={`unit-tab-${tb.key}`}>
                  {q(`unit.${tb.key}`)}
                  <QueueCount list={counts[tb.key].data} />
                </span>
              ),
              children: (
                <ServerQueueTable
                  queue="unit_inbox"
                  base={specs[tb.key]}
                  actions={quick}
                  actionsWidth={176}
                  testId={`unit-list-${tb.key}`}
                  bulk={
                    tb.key === 'toSign'
                      ? (selected, clear) => <BulkButton action="sign" selected={selected} done={clear} />
                      : undefined
                  }
                />
              ),
            })),
            // 待办批示 (issue 14): leaders' instructions to sign for and answer, 会商 to give an opinion on.
            { key: 'instructions', label: <UnitInstructionsLabel />, children: <UnitInstructions /> },
          ]}
        />
      </Card>
      {pending && <ActionDialog order={pending.order} action={pending.action} onClose={() => setPending(null)} />}
    </Space>
  );
}
