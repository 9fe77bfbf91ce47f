import { useState, type ReactNode } from 'react';
import { Space } from 'antd';
import type { OrderSort, QueueName, SavedFilterQuery } from '../../shared/contract';
import { useOrders, type OrderListParams } from '../api/queries';
import type { Order } from '../api/types';
import { OrderTable } from '../orders/OrderTable';
import { QueueToolbar } from './QueueToolbar';
import { useQueueColumns } from './queues-api';
import { QUEUE_COLUMN_KEYS } from './ColumnChooser';

type TableLook = Pick<React.ComponentProps<typeof OrderTable>, 'actions' | 'actionsWidth' | 'unitNames' | 'oneState' | 'compact'>;

interface ServerQueueTableProps extends TableLook {
  queue: QueueName;
  /** What the tab lists (its states, its unit, its warning level). */
  base: OrderListParams;
  testId: string;
  /** Bulk buttons for the selected orders (none: no row selection). */
  bulk?: (selected: Order[], clear: () => void) => ReactNode;
  /** The sort before the person picks one (default: nearest deadline first). */
  initialSort?: OrderSort;
  initialPageSize?: number;
}

const DEADLINE_ORDER: Partial<Record<OrderSort, 'ascend' | 'descend'>> = { deadline: 'ascend', deadline_desc: 'descend' };

/**
 * One queue read a page at a time from the server, sorted there (ADR 0101): a nearest-deadline-first
 * inbox of four hundred orders shows its most urgent twenty, not the twenty most urgent of the newest 200.
 */
export function ServerQueueTable(props: ServerQueueTableProps) {
  const { queue, base, testId, bulk, initialSort = 'deadline', initialPageSize = 20, ...look } = props;
  const [filter, setFilter] = useState<SavedFilterQuery>({ sort: initialSort });
  const [paging, setPaging] = useState({ page: 1, pageSize: initialPageSize });
  const [selected, setSelected] = useState<Order[]>([]);
  const columns = useQueueColumns(queue);
  const params: OrderListParams = {
    ...base,
    ...filter,
    warning: base.warning ?? filter.warning,
    limit: paging.pageSize,
    offset: (paging.page - 1) * paging.pageSize,
  };
  const list = useOrders(params);
  const chosen = columns.data?.columns;
  const hidden = chosen ? new Set(QUEUE_COLUMN_KEYS.filter((k) => !chosen.includes(k))) : undefined;
  const applyFilter = (next: SavedFilterQuery) => {
    setFilter(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <QueueToolbar queue={queue} filter={filter} onFilter={applyFilter} columns={chosen ?? null} testId={testId}>
        {bulk?.(selected, () => setSelected([]))}
      </QueueToolbar>
      <OrderTable
        {...look}
        orders={list.data?.items}
        loading={list.isLoading}
        testId={testId}
        hidden={hidden}
        selection={bulk && { keys: selected.map((o) => o.id), onChange: (_keys, rows) => setSelected(rows) }}
        server={{
          total: list.data?.total ?? 0,
          page: paging.page,
          pageSize: paging.pageSize,
          deadlineOrder: DEADLINE_ORDER[filter.sort ?? 'accepted'] ?? null,
          onChange: ({ page, pageSize, deadlineOrder }) => {
            const sort: OrderSort = deadlineOrder === 'descend' ? 'deadline_desc' : deadlineOrder ? 'deadline' : 'accepted';
            if (sort !== filter.sort) setFilter({ ...filter, sort });
            setPaging({ page: sort !== filter.sort ? 1 : page, pageSize });
          },
        }}
      />
    </Space>
  );
}
