import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { CurrentCallView, OrderCallView, ScreenPopView } from '../../shared/contract';

/** How often the console asks for the operator's current call: a ring must pop within seconds. */
const POLL_MS = 3000;

export function useCurrentCall(enabled: boolean) {
  return useQuery({
    queryKey: ['calls', 'current'],
    queryFn: () => api<{ call: CurrentCallView | null }>('/api/calls/current'),
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
}

export function useScreenPop(callId: number | null) {
  return useQuery({
    queryKey: ['calls', 'screen-pop', callId],
    queryFn: () => api<ScreenPopView>(`/api/calls/${callId}/screen-pop`),
    enabled: callId !== null,
    staleTime: Infinity,
  });
}

export function useOrderCalls(orderId: string) {
  return useQuery({
    queryKey: ['order', orderId, 'calls'],
    queryFn: () => api<{ items: OrderCallView[] }>(`/api/orders/${orderId}/calls`),
  });
}

/** Saving an order taken on a call links the two (the call's record then names its orders). */
export const linkCallToOrder = (callId: number, orderId: string) =>
  api(`/api/calls/${callId}/link`, { method: 'POST', json: { orderId } });
