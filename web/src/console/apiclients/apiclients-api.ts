import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { ApiClientListView, ApiClientView, ApiScope, Channel, IssuedApiKey } from '../../shared/contract';

/** 对接系统 (ADR 0180): outside systems, their scopes and keys. */
export const apiClientKeys = { all: ['api-clients'] as const };

export interface NewApiClient {
  name: string;
  channel: Channel;
  scopes: ApiScope[];
  contact?: string;
  ratePerMinute?: number;
  ipAllow: string[];
}

export const useApiClients = () =>
  useQuery({ queryKey: apiClientKeys.all, queryFn: () => api<ApiClientListView>('/api/api-clients') });

export const createApiClient = (body: NewApiClient) =>
  api<{ client: ApiClientView; issued: IssuedApiKey | null }>('/api/api-clients', { method: 'POST', json: body });
export const issueApiKey = (clientId: string) =>
  api<IssuedApiKey>(`/api/api-clients/${clientId}/keys`, { method: 'POST', json: {} });
export const revokeApiKey = (clientId: string, keyId: string) =>
  api(`/api/api-clients/${clientId}/keys/${keyId}/revoke`, { method: 'POST' });
export const revokeApiClient = (clientId: string) => api(`/api/api-clients/${clientId}/revoke`, { method: 'POST' });
