import type { ReactNode } from 'react';
import { Table, Tooltip, type TableColumnsType } from 'antd';
import { useT } from '../../shared/i18n';
import type { Order } from '../api/types';
import { readDeadline } from '../common/deadline';
import { DeadlineTag, PriorityTag, RehandleTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { orderColumns } from './order-columns';

interface OrderTableProps {
  orders: Order[] | undefined;
  loading?: boolean;
  /** Extra cell at the end of each row (quick actions of a queue). */
  actions?: (order: Order) => ReactNode;
  /** Width of the actions cell: what the queue's buttons need, so the other columns know what is left. */
  actionsWidth?: number;
  unitNames?: Map<string, string>;
  testId?: string;
  pageSize?: number;
  /**
   * Narrow lists beside a detail panel (one state each: review, return visits) keep number, title,
   * countdown and the action; type, priority, state and acceptance time would push the countdown out.
   */
  compact?: boolean;
  /** Every row is in the same state (a queue of one state; its tab or title says which): no state column. */
  oneState?: boolean;
  /** Nearest deadline first (a queue is worked against the clock). */
  byDeadline?: boolean;
  /** Server paging and sorting (queues/ServerQueueTable): the rows are one page of `total`. */
  server?: ServerPaging;
  /** Row selection for bulk actions: the selected ids. */
  selection?: { keys: string[]; onChange: (keys: string[], rows: Order[]) => void };
  /** Columns the person hid (queues/ColumnChooser); number and actions always show. */
  hidden?: ReadonlySet<string>;
}

export interface ServerPaging {
  total: number;
  page: number;
  pageSize: number;
  /** The deadline column's sort: nearest first (ascend) or latest first (descend); null when another sort is in force. */
  deadlineOrder: 'ascend' | 'descend' | null;
  onChange: (change: { page: number; pageSize: number; deadlineOrder: 'ascend' | 'descend' | null }) => void;
}

/**
 * Widths that fit what the cells hold (a ten-digit number, the longest state and priority tags, a
 * countdown such as 红灯超期 · 超期 2天22小时16分), so a queue fits a 1280-pixel screen beside the menu:
 * the title takes what is left and shows the rest in a tooltip.
 */
const WIDTH = { orderNo: 100, type: 64, priority: 96, state: 108, deadline: 210, shortDeadline: 150, acceptedAt: 130 };
/** Below this the title is unreadable: the table scrolls sideways instead of squeezing it further. */
const TITLE_MIN = 150;
const LEAD_UNIT_MIN = 110;
/** antd's checkbox column of a selectable table. */
const SELECTION_WIDTH = 32;

/** The key a column is hidden by: its `key` or its `dataIndex` (queues/ColumnChooser names them so). */
const COLUMN_KEYS: Record<string, string> = { appealType: 'type', leadUnitId: 'leadUnit' };
const columnKey = (c: TableColumnsType<Order>[number]) => {
  const k = String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''));
  return COLUMN_KEYS[k] ?? k;
};

const dueTime = (o: Order) => readDeadline(o)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;

/** The list every queue shows: number (links to the order page), title, type, priority, state, countdown. */
export function OrderTable({
  orders,
  loading,
  actions,
  actionsWidth = 160,
  unitNames,
  testId,
  pageSize = 20,
  compact = false,
  oneState = false,
  byDeadline = false,
  server,
  selection,
  hidden,
}: OrderTableProps) {
  const t = useT(orderMessages);
  const cols = orderColumns(t);
  const l = useT(labels);
  const columns: TableColumnsType<Order> = [
    { ...cols.orderNo<Order>(), width: WIDTH.orderNo },
    {
      title: t('col.title'),
      dataIndex: 'title',
      ellipsis: { showTitle: false },
      render: (title: string, o) => (
        <Tooltip title={title} placement="topLeft">
          {o.escalated && <span style={{ color: '#cf1322' }}>[{l('escalated')}] </span>}
          <RehandleTag count={o.rehandleCount} />
          {title}
        </Tooltip>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: t('col.type'),
            dataIndex: 'appealType',
            width: WIDTH.type,
            render: (v: Order['appealType']) => l(`type.${v}`),
          },
          {
            title: t('col.priority'),
            dataIndex: 'priority',
            width: WIDTH.priority,
            render: (p: number) => <PriorityTag priority={p} />,
          },
          ...(oneState ? [] : [cols.state(WIDTH.state)]),
        ]),
    ...(unitNames ? [cols.leadUnit(unitNames)] : []),
    {
      title: t('col.deadline'),
      key: 'deadline',
      width: compact ? WIDTH.shortDeadline : WIDTH.deadline,
      ...(server
        ? {
            sorter: true,
            sortOrder: server.deadlineOrder,
            sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
          }
        : {
            sorter: (a: Order, b: Order) => dueTime(a) - dueTime(b),
            defaultSortOrder: byDeadline ? ('ascend' as const) : undefined,
          }),
      render: (_: unknown, o: Order) => <DeadlineTag order={o} short={compact} />,
    },
    // A queue's actions need the room more than the acceptance time does (the countdown says how
    // urgent an order is); the time comes back on wide screens.
    ...(compact ? [] : [{ ...cols.acceptedAt(), width: WIDTH.acceptedAt, responsive: actions ? ['xxl' as const] : undefined }]),
    ...(actions
      ? [
          {
            title: t('col.actions'),
            key: 'actions',
            width: actionsWidth,
            fixed: 'right' as const,
            render: (_: unknown, o: Order) => actions(o),
          },
        ]
      : []),
  ];
  const shown = hidden ? columns.filter((c) => !hidden.has(columnKey(c))) : columns;
  const minWidth =
    (selection ? SELECTION_WIDTH : 0) +
    TITLE_MIN +
    (unitNames ? LEAD_UNIT_MIN : 0) +
    shown.reduce((sum, c) => sum + (c.responsive ? 0 : typeof c.width === 'number' ? c.width : 0), 0);
  return (
    <Table<Order>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={orders}
      data-testid={testId}
      pagination={
        server
          ? { total: server.total, current: server.page, pageSize: server.pageSize, showSizeChanger: true, size: 'small' }
          : { pageSize, hideOnSinglePage: true }
      }
      onChange={(p, _filters, sorter) => {
        if (!server) return;
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        server.onChange({
          page: p.current ?? 1,
          pageSize: p.pageSize ?? server.pageSize,
          deadlineOrder: one?.columnKey === 'deadline' ? (one.order ?? null) : server.deadlineOrder,
        });
      }}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          onChange: (keys, rows) => selection.onChange(keys as string[], rows),
          getCheckboxProps: (o) => ({ 'data-testid': `select-${o.orderNo}` }) as object,
        }
      }
      scroll={{ x: minWidth }}
      onRow={(o) => ({ 'data-testid': `order-row-${o.orderNo}` }) as React.HTMLAttributes<HTMLElement>}
      columns={shown}
    />
  );
}
