import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { CurrentCallView, OrderCallView, ScreenPopView } from '../../shared/contract';

/**
 * The fallback (ADR 0140): while the live stream is down the console asks for the operator's current
 * call this often, since a ring must pop within seconds. With the stream up, calls arrive on it and
 * this query is read once (on sign-in, and after each reconnect) and updated by the stream.
 */
export const CALL_POLL_MS = 3000;
export const currentCallKey = ['calls', 'current'] as const;

export function useCurrentCall(enabled: boolean, live: boolean) {
  return useQuery({
    queryKey: currentCallKey,
    queryFn: () => api<{ call: CurrentCallView | null }>('/api/calls/current'),
    enabled,
    refetchInterval: live ? false : CALL_POLL_MS,
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
