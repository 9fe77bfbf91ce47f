import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  FilledTextModuleView,
  MentionNotice,
  MentionTargetView,
  NoteAddedView,
  PresenceView,
  TextModuleDialog,
  TextModuleInput,
  TextModuleView,
} from '../../shared/contract';

export type { FilledTextModuleView, MentionNotice, MentionTargetView, PresenceView, TextModuleView } from '../../shared/contract';

export const agentKeys = {
  modulesAdmin: ['text-modules'] as const,
  orderModules: (orderId: string, dialog: TextModuleDialog | null) => ['text-modules', 'order', orderId, dialog] as const,
  people: (q: string) => ['notes', 'people', q] as const,
  mentions: ['notices', 'mentions'] as const,
};

export const useTextModulesAdmin = () =>
  useQuery({ queryKey: agentKeys.modulesAdmin, queryFn: () => api<{ items: TextModuleView[] }>('/api/text-modules') });

export const createTextModule = (body: TextModuleInput) =>
  api<TextModuleView>('/api/text-modules', { method: 'POST', json: body });
export const updateTextModule = (id: string, body: Partial<TextModuleInput>) =>
  api<TextModuleView>(`/api/text-modules/${id}`, { method: 'PATCH', json: body });

/** The modules that apply to an order and dialog, filled for it; fetched when a dialog first needs them. */
export const useOrderTextModules = (orderId: string, dialog: TextModuleDialog | null, enabled: boolean) =>
  useQuery({
    queryKey: agentKeys.orderModules(orderId, dialog),
    queryFn: () =>
      api<{ items: FilledTextModuleView[] }>(`/api/orders/${orderId}/text-modules${dialog ? `?dialog=${dialog}` : ''}`),
    enabled,
    staleTime: 60_000,
  });

export const useMentionTargets = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: agentKeys.people(q),
    queryFn: () => api<{ items: MentionTargetView[] }>(`/api/notes/people?q=${encodeURIComponent(q)}`),
    enabled,
    staleTime: 60_000,
  });

export const addNote = (orderId: string, body: { text: string; mentionUserIds: string[]; mentionUnitIds: string[] }) =>
  api<NoteAddedView>(`/api/orders/${orderId}/notes`, { method: 'POST', json: body });

/** Unread mentions and leaders' notices (批示, 签收, 答复, 会商, 盯办) of the signed-in user, polled every 30 s (the bell). */
export const useUnreadMentions = () =>
  useQuery({
    queryKey: agentKeys.mentions,
    queryFn: () => api<{ items: MentionNotice[] }>('/api/notices?unread=true&kind=note.mention,leader.*&limit=20'),
    refetchInterval: 30_000,
  });

export const markNoticesRead = (ids?: number[]) => api('/api/notices/read', { method: 'POST', json: ids ? { ids } : {} });

export const beatPresence = (orderId: string) =>
  api<{ others: PresenceView[] }>(`/api/orders/${orderId}/presence`, { method: 'POST' });
/** keepalive: also sent when the tab is closed or navigated away (pagehide), not only on leaving the route. */
export const leavePresence = (orderId: string) => api(`/api/orders/${orderId}/presence`, { method: 'DELETE', keepalive: true });
