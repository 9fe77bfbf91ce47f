import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  BulkAction,
  BulkResultView,
  QueueColumn,
  QueueColumnsView,
  QueueName,
  SavedFilterQuery,
  SavedFilterView,
} from '../../shared/contract';

export const queueKeys = {
  filters: (queue: QueueName) => ['queues', queue, 'filters'] as const,
  columns: (queue: QueueName) => ['queues', queue, 'columns'] as const,
};

export function useSavedFilters(queue: QueueName) {
  return useQuery({
    queryKey: queueKeys.filters(queue),
    queryFn: () => api<{ items: SavedFilterView[] }>(`/api/queues/${queue}/filters`),
  });
}

export const saveFilter = (queue: QueueName, name: string, query: SavedFilterQuery) =>
  api<SavedFilterView>(`/api/queues/${queue}/filters`, { method: 'POST', json: { name, query } });

export const deleteFilter = (queue: QueueName, id: string) =>
  api<void>(`/api/queues/${queue}/filters/${id}`, { method: 'DELETE' });

export function useQueueColumns(queue: QueueName) {
  return useQuery({ queryKey: queueKeys.columns(queue), queryFn: () => api<QueueColumnsView>(`/api/queues/${queue}/columns`) });
}

export const saveColumns = (queue: QueueName, columns: QueueColumn[]) =>
  api<QueueColumnsView>(`/api/queues/${queue}/columns`, { method: 'PUT', json: { columns } });

export interface BulkBody {
  action: BulkAction;
  orders: { id: string; version: number }[];
  leadUnitId?: string;
  note?: string;
}

export const bulkAct = (body: BulkBody) => api<BulkResultView>('/api/orders/bulk', { method: 'POST', json: body });
