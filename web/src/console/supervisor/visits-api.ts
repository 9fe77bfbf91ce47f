import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { DirectSampleListView, VisitLinkListView, VisitLinkView } from '../../shared/contract';
import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';

/** GET /api/visit-links: the desk's recent return-visit links and their states (ADR 0202). */
export const useVisitLinks = () =>
  useQuery({
    queryKey: keys.visitLinks,
    queryFn: () => api<VisitLinkListView>('/api/visit-links?limit=200'),
    meta: { live: true },
  });

/** GET /api/visits/direct-samples: the sampled 直办 orders waiting for their visit. */
export const useDirectSamples = () =>
  useQuery({
    queryKey: keys.directSamples,
    queryFn: () => api<DirectSampleListView>('/api/visits/direct-samples'),
    meta: { live: true },
  });

/** POST /api/orders/:id/visit-link: 发送回访短信. */
export const sendVisitLink = (orderId: string) => api<VisitLinkView>(`/api/orders/${orderId}/visit-link`, { method: 'POST' });

/** The latest link of each order (the list comes newest first). */
export function latestLinkByOrder(links: readonly VisitLinkView[] | undefined): Map<string, VisitLinkView> {
  const byOrder = new Map<string, VisitLinkView>();
  for (const l of links ?? []) if (!byOrder.has(l.orderId)) byOrder.set(l.orderId, l);
  return byOrder;
}

/** 发送回访短信 as a write: said on success, the links and the queue refetched. */
export function useSendVisitLink(said: (link: VisitLinkView) => string) {
  const write = useWrite();
  return (orderId: string) => write(() => sendVisitLink(orderId), { success: said, invalidate: [keys.visitLinks] });
}
