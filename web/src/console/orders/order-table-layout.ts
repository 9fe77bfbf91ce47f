import type { ReactNode } from 'react';
import type { TableColumnsType } from 'antd';
import type { Order } from '../api/types';
import { readDeadline } from '../common/deadline';

/** What a queue hands OrderTable. */
export interface OrderTableProps {
  orders: Order[] | undefined;
  loading?: boolean;
  /** Extra cell at the end of each row (quick actions of a queue). */
  actions?: (order: Order) => ReactNode;
  /** Width of the actions cell: what the queue's buttons need, so the other columns know what is left. */
  actionsWidth?: number;
  /** Words ahead of the title (回访台: 直办抽样 and the state of the SMS link), so the actions cell stays narrow. */
  marker?: (order: Order) => ReactNode;
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
export const WIDTH = { orderNo: 100, type: 64, priority: 96, state: 108, deadline: 210, shortDeadline: 150, acceptedAt: 130 };
/**
 * Below this the title is unreadable: the table scrolls sideways instead of squeezing it further. With
 * the selection column of 批量催办 every column still fits 1280 pixels beside the menu (990 for the table).
 */
const TITLE_MIN = 140;
const LEAD_UNIT_MIN = 100;
/** antd's checkbox column of a selectable table. */
const SELECTION_WIDTH = 32;

/** The key a column is hidden by: its `key` or its `dataIndex` (queues/ColumnChooser names them so). */
const COLUMN_KEYS: Record<string, string> = { appealType: 'type', leadUnitId: 'leadUnit' };
export const columnKey = (c: TableColumnsType<Order>[number]) => {
  const k = String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''));
  return COLUMN_KEYS[k] ?? k;
};

export const dueTime = (o: Order) => readDeadline(o)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;

/** The width below which the table scrolls sideways: the fixed columns shown, the title's and the lead unit's least. */
export const tableMinWidth = (
  shown: TableColumnsType<Order>,
  { selectable, withLeadUnit }: { selectable: boolean; withLeadUnit: boolean },
) =>
  (selectable ? SELECTION_WIDTH : 0) +
  TITLE_MIN +
  (withLeadUnit ? LEAD_UNIT_MIN : 0) +
  shown.reduce((sum, c) => sum + (c.responsive ? 0 : typeof c.width === 'number' ? c.width : 0), 0);
