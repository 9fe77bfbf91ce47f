import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { ForwardChainView, ForwardInboxView } from '../../shared/contract';

/** Keyed under the order page ('order', id, …), so every action on the order refetches the chain. */
export const forwardChainKey = (orderId: string) => ['order', orderId, 'forward-chain'] as const;
/** Keyed under the order lists ('orders', …), so every action refetches the inbox. */
export const forwardInboxKey = ['orders', 'forwarding-inbox'] as const;

export function useForwardChain(orderId: string) {
  return useQuery({
    queryKey: forwardChainKey(orderId),
    queryFn: () => api<ForwardChainView>(`/api/orders/${encodeURIComponent(orderId)}/forward-chain`),
  });
}

export function useForwardInbox() {
  return useQuery({ queryKey: forwardInboxKey, queryFn: () => api<ForwardInboxView>('/api/forwarding/inbox') });
}
