import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import type { Satisfaction } from '../shared/contract';

/** The portal's query keys, in one place. */
export const portalKeys = {
  info: ['portal-info'] as const,
  progress: (key: PortalKey | null) => ['portal-progress', key?.orderNo, key?.code] as const,
};

export interface Words {
  zh: string;
  en: string;
}

export interface PortalInfo {
  centreName: string;
  appealTypes: string[];
  categories: { id: string; parentId: string | null; name: string; level: number; aliases: string[] }[];
  maxPhotos: number;
  maxPhotoBytes: number;
  /** "My appeals" by a phone code is available (ADR 0104). */
  myAppeals: boolean;
}

export interface PortalReceipt {
  orderNo: string;
  queryCode: string;
  photos: number;
}

export interface PortalKey {
  orderNo: string;
  code: string;
}

export interface PortalProgress {
  orderNo: string;
  title: string;
  content: string;
  appealType: string;
  address: string | null;
  acceptedAt: string;
  caller: { name: string | null; phone: string | null };
  stage: string;
  stageText: Words;
  steps: { step: string; at: string; text: Words }[];
  reply: {
    kind: 'reply' | 'answer' | 'not_accepted';
    result: string | null;
    text: string | null;
    reasonText: Words | null;
    at: string;
  } | null;
  canRate: boolean;
  rating: { satisfaction: string; resolved: boolean; comment: string | null } | null;
  /** 承诺时限, ISO, while the appeal is being handled. */
  promisedBy: string | null;
  photos: number;
  photoIds: string[];
}

export interface PortalRating extends PortalKey {
  satisfaction: Satisfaction;
  resolved: boolean;
  comment?: string;
}

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

export interface MyAppeal {
  orderNo: string;
  queryCode: string;
  title: string;
  acceptedAt: string;
  stage: string;
  stageText: Words;
}

export const requestOtp = (phone: string) =>
  api<{ expiresInMinutes: number }>('/api/portal/otp', { method: 'POST', json: { phone } });

export const fetchMyAppeals = (phone: string, code: string) =>
  api<{ appeals: MyAppeal[] }>('/api/portal/my', { method: 'POST', json: { phone, code } });
