import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  ClientWebhookListView,
  ClientWebhookView,
  ClientWebhookWithSecret,
  NewClientWebhookInput,
  WebhookDeliveryListView,
} from '../../shared/contract';

/** 回调订阅 (ADR 0182): an API client's webhook subscriptions and each one's delivery log. */
export const webhookKeys = {
  all: ['client-webhooks'] as const,
  of: (clientId: string) => ['client-webhooks', clientId] as const,
  deliveries: (clientId: string, webhookId: string) => ['client-webhooks', clientId, webhookId, 'deliveries'] as const,
};

const base = (clientId: string) => `/api/api-clients/${clientId}/webhooks`;

export const useClientWebhooks = (clientId: string) =>
  useQuery({ queryKey: webhookKeys.of(clientId), queryFn: () => api<ClientWebhookListView>(base(clientId)) });

/** The log refreshes every few seconds while shown: a ping or a retry lands in it by itself. */
export const useWebhookDeliveries = (clientId: string, webhookId: string | null) =>
  useQuery({
    queryKey: webhookKeys.deliveries(clientId, webhookId ?? ''),
    queryFn: () => api<WebhookDeliveryListView>(`${base(clientId)}/${webhookId}/deliveries?limit=50`),
    enabled: webhookId !== null,
    refetchInterval: 3000,
  });

export const createWebhook = (clientId: string, body: NewClientWebhookInput) =>
  api<ClientWebhookWithSecret>(base(clientId), { method: 'POST', json: body });
export const rotateWebhookSecret = (clientId: string, id: string) =>
  api<ClientWebhookWithSecret>(`${base(clientId)}/${id}/rotate-secret`, { method: 'POST' });
export const pauseWebhook = (clientId: string, id: string) =>
  api<ClientWebhookView>(`${base(clientId)}/${id}/pause`, { method: 'POST' });
export const resumeWebhook = (clientId: string, id: string) =>
  api<ClientWebhookView>(`${base(clientId)}/${id}/resume`, { method: 'POST' });
export const pingWebhook = (clientId: string, id: string) =>
  api<{ deliveryId: string }>(`${base(clientId)}/${id}/ping`, { method: 'POST' });
export const deleteWebhook = (clientId: string, id: string) => api(`${base(clientId)}/${id}`, { method: 'DELETE' });
