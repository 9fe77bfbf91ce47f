import type { ReactNode } from 'react';
import { Table } from 'antd';
import { useT } from '../../shared/i18n';
import type { Order } from '../api/types';
import { readDeadline } from '../common/deadline';
import { DeadlineTag, PriorityTag } from '../common/tags';
import { labels } from '../messages/labels';
import { orderMessages } from '../messages/orders';
import { orderColumns } from './order-columns';

interface OrderTableProps {
  orders: Order[] | undefined;
  loading?: boolean;
  /** Extra cell at the end of each row (quick actions of a queue). */
  actions?: (order: Order) => ReactNode;
  unitNames?: Map<string, string>;
  testId?: string;
  pageSize?: number;
  /** Narrow lists (beside a detail panel) leave out type and acceptance time. */
  compact?: boolean;
  /** Nearest deadline first (a unit works its queue against the clock). */
  byDeadline?: boolean;
}

const dueTime = (o: Order) => readDeadline(o)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;

/** The list every queue shows: number (links to the order page), title, type, priority, state, countdown. */
export function OrderTable({
  orders,
  loading,
  actions,
  unitNames,
  testId,
  pageSize = 20,
  compact = false,
  byDeadline = false,
}: OrderTableProps) {
  const t = useT(orderMessages);
  const cols = orderColumns(t);
  const l = useT(labels);
  return (
    <Table<Order>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={orders}
      data-testid={testId}
      pagination={{ pageSize, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={(o) => ({ 'data-testid': `order-row-${o.orderNo}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        cols.orderNo<Order>(),
        {
          title: t('col.title'),
          dataIndex: 'title',
          width: compact ? 200 : 280,
          ellipsis: true,
          render: (title: string, o) => (
            <>
              {o.escalated && <span style={{ color: '#cf1322' }}>[{l('escalated')}] </span>}
              {title}
            </>
          ),
        },
        ...(compact
          ? []
          : [{ title: t('col.type'), dataIndex: 'appealType', width: 70, render: (v: Order['appealType']) => l(`type.${v}`) }]),
        { title: t('col.priority'), dataIndex: 'priority', width: 110, render: (p: number) => <PriorityTag priority={p} /> },
        cols.state(130),
        ...(unitNames ? [cols.leadUnit(unitNames)] : []),
        {
          title: t('col.deadline'),
          key: 'deadline',
          width: 170,
          sorter: (a: Order, b: Order) => dueTime(a) - dueTime(b),
          defaultSortOrder: byDeadline ? ('ascend' as const) : undefined,
          render: (_: unknown, o: Order) => <DeadlineTag order={o} />,
        },
        ...(compact ? [] : [cols.acceptedAt()]),
        ...(actions
          ? [{ title: t('col.actions'), key: 'actions', fixed: 'right' as const, render: (_: unknown, o: Order) => actions(o) }]
          : []),
      ]}
    />
  );
}
