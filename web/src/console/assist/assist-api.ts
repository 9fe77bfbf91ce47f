import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { AssistInboxView, AssistTaskWithActions, OrderAssistView } from '../../shared/contract';
import { keys } from '../api/keys';

/** Calls of the 协办 panel and inbox (src/assist, ADR 0120). */
export type AssistTask = AssistTaskWithActions;

export const useOrderAssist = (orderId: string) =>
  useQuery({
    queryKey: keys.orderAssist(orderId),
    queryFn: () => api<OrderAssistView>(`/api/orders/${orderId}/assist-tasks`),
  });

export const useAssistInbox = (enabled = true) =>
  useQuery({
    queryKey: keys.assistInbox,
    queryFn: () => api<AssistInboxView>('/api/assist-tasks'),
    enabled,
    // A dispatch naming the unit as assisting, heard on the live stream, refreshes the list.
    meta: { live: true },
  });

const taskUrl = (t: Pick<AssistTask, 'orderId' | 'id'>, step: string) => `/api/orders/${t.orderId}/assist-tasks/${t.id}/${step}`;

export const signAssist = (t: AssistTask) => api<AssistTask>(taskUrl(t, 'sign'), { method: 'POST' });
export const submitAssistOpinion = (t: AssistTask, opinion: string) =>
  api<AssistTask>(taskUrl(t, 'opinion'), { method: 'POST', json: { opinion } });
export const urgeAssist = (t: AssistTask, note: string | undefined) =>
  api<AssistTask>(taskUrl(t, 'urge'), { method: 'POST', json: note ? { note } : {} });
