import type { Role } from './vocabulary.js';

/** Queues of the console that keep saved filters and a column choice per user (ADR 0101). */
export const QUEUE_NAMES = ['unit_inbox', 'dispatch', 'orders'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Columns an order queue can show, in their default order (number and actions always show). */
export const QUEUE_COLUMNS = ['title', 'type', 'priority', 'state', 'leadUnit', 'deadline', 'acceptedAt'] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

/** The list filters a saved filter keeps (GET /api/orders's query without paging and without a phone). */
export interface SavedFilterQuery {
  state?: string;
  warning?: 'yellow' | 'red';
  escalated?: boolean;
  leadUnitId?: string;
  q?: string;
  from?: string;
  to?: string;
  sort?: 'deadline' | 'deadline_desc' | 'accepted' | 'updated';
}

export interface SavedFilterView<At = string> {
  id: string;
  name: string;
  query: SavedFilterQuery;
  createdAt: At;
}

/** GET /api/queues/:queue/filters. */
export interface SavedFilterListView<At = string> {
  items: SavedFilterView<At>[];
}

export interface QueueColumnsView {
  /** The user's choice, or null while they have made none (the queue's default applies). */
  columns: QueueColumn[] | null;
}

/** What a bulk action may do: ≤ 100 orders, each one transition (or one 催办) of its own. */
export const BULK_ACTIONS = ['sign', 'dispatch', 'urge'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX_ORDERS = 100;
/** Who may 催办 (permission order.urge), one order or many; the web shows the buttons by it. */
export const URGE_ROLES: readonly Role[] = ['supervisor'];
/** The longest 催办 text, as the server accepts it. */
export const URGE_NOTE_MAX = 2000;

export type BulkOutcome =
  | { orderId: string; orderNo: string | null; ok: true; version: number | null }
  | { orderId: string; orderNo: string | null; ok: false; code: string; reason: { zh: string; en: string } };

export interface BulkResultView {
  action: BulkAction;
  okCount: number;
  refusedCount: number;
  results: BulkOutcome[];
}
