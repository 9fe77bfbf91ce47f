import { Table, Tooltip, type TableColumnsType } from 'antd';
import { useT } from '../../shared/i18n';
import type { Order } from '../api/types';
import { DeadlineTag, PriorityTag, RehandleTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { orderColumns } from './order-columns';
import { columnKey, dueTime, tableMinWidth, WIDTH, type OrderTableProps } from './order-table-layout';

/** The list every queue shows: number (links to the order page), title, type, priority, state, countdown. */
export function OrderTable({
  orders,
  loading,
  actions,
  actionsWidth = 160,
  marker,
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
          {marker?.(o)}
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
            // English words (Consultation) are longer than the column: one line, ended in …, whole on hover.
            ellipsis: true,
            render: (v: Order['appealType']) => <span title={l(`type.${v}`)}>{l(`type.${v}`)}</span>,
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
  const minWidth = tableMinWidth(shown, { selectable: !!selection, withLeadUnit: !!unitNames });
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
