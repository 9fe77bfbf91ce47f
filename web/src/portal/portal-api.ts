import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import type {
  MyAppeal,
  PortalInfo,
  PortalKey,
  PortalProgress,
  PortalRating,
  PortalReceipt,
  VisitLinkPage,
  VisitLinkRated,
  VisitLinkRating,
} from '../shared/contract';

// The answers' shapes are the server's contract (src/contract/portal-views.ts); re-exported for the pages.
export type {
  MyAppeal,
  PortalInfo,
  PortalKey,
  PortalProgress,
  PortalRating,
  PortalReceipt,
  VisitLinkPage,
  VisitLinkRated,
  Words,
} from '../shared/contract';

/** The portal's query keys, in one place. */
export const portalKeys = {
  info: ['portal-info'] as const,
  progress: (key: PortalKey | null) => ['portal-progress', key?.orderNo, key?.code] as const,
  visit: (token: string) => ['portal-visit', token] as const,
};

export const fetchPortalInfo = () => api<PortalInfo>('/api/portal/info');

/** Sends the appeal's fields and photos as one multipart form: stored together or not at all. */
export function submitAppeal(fields: Record<string, string | boolean | undefined>, photos: File[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(name, String(value));
  }
  for (const photo of photos) form.append('photos', photo, photo.name);
  return api<PortalReceipt>('/api/portal/appeals', { method: 'POST', body: form });
}

export const lookupAppeal = (key: PortalKey) => api<PortalProgress>('/api/portal/lookup', { method: 'POST', json: key });

export const rateAppeal = (rating: PortalRating) => api<PortalProgress>('/api/portal/rating', { method: 'POST', json: rating });

/** One of the citizen's photos as a blob (POST, so the query code stays out of URLs). */
export async function fetchPhoto(key: PortalKey, photoId: string): Promise<Blob> {
  const response = await fetch(`/api/portal/photos/${photoId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(key),
  });
  if (!response.ok) throw new Error(`photo ${response.status}`);
  return response.blob();
}

export const usePortalInfo = () => useQuery({ queryKey: portalKeys.info, queryFn: fetchPortalInfo });

export const usePortalProgress = (key: PortalKey | null) =>
  useQuery({ queryKey: portalKeys.progress(key), queryFn: () => lookupAppeal(key!), enabled: key !== null });

/** The return-visit link's page and rating (ADR 0202): the token is the key, no query code. */
export const fetchVisitLink = (token: string) => api<VisitLinkPage>(`/api/portal/visit/${encodeURIComponent(token)}`);

export const rateVisitLink = (token: string, rating: VisitLinkRating) =>
  api<VisitLinkRated>(`/api/portal/visit/${encodeURIComponent(token)}`, { method: 'POST', json: rating });

export const useVisitLink = (token: string) =>
  useQuery({ queryKey: portalKeys.visit(token), queryFn: () => fetchVisitLink(token), staleTime: Infinity });

export const requestOtp = (phone: string) =>
  api<{ expiresInMinutes: number }>('/api/portal/otp', { method: 'POST', json: { phone } });

export const fetchMyAppeals = (phone: string, code: string) =>
  api<{ appeals: MyAppeal[]; session: string; smsOptedOut: boolean }>('/api/portal/my', {
    method: 'POST',
    json: { phone, code },
  });

/** 不再接收短信通知: the proved phone's own choice, with the session 我的诉求 answered. */
export const putMySmsOptOut = (session: string, smsOptedOut: boolean) =>
  api<{ smsOptedOut: boolean }>('/api/portal/my/notices', {
    method: 'PUT',
    json: { smsOptedOut },
    headers: { 'x-portal-session': session },
  });
