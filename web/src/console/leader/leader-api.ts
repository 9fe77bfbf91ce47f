import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  ConsultationView,
  InstructionStatus,
  InstructionView,
  LeaderCaseView,
  LeaderSettingsView,
} from '../../shared/contract';

/** Calls of the leaders' capability (src/leaders): 包案, 批示, 疑难件, 会商, the centre's leader settings. */
export const leaderKeys = {
  // Under 'orders' so every order change (a transition, a live event) refetches them too.
  cases: ['orders', 'leader-cases'] as const,
  orderCase: (orderId: string) => ['order', orderId, 'leader-case'] as const,
  instructions: (params: Record<string, string | undefined>) => ['orders', 'instructions', params] as const,
  consultations: (params: Record<string, string | boolean | undefined>) => ['orders', 'consultations', params] as const,
  settings: ['leader-settings'] as const,
};

const query = (params: Record<string, string | boolean | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

export const useMyCases = () =>
  useQuery({ queryKey: leaderKeys.cases, queryFn: () => api<{ items: LeaderCaseView[] }>('/api/leader-cases') });
export const useOrderCase = (orderId: string) =>
  useQuery({
    queryKey: leaderKeys.orderCase(orderId),
    queryFn: () => api<{ case: LeaderCaseView | null }>(`/api/orders/${orderId}/leader-case`),
  });
export const useInstructions = (params: { orderId?: string; status?: InstructionStatus | 'open,acknowledged' }, enabled = true) =>
  useQuery({
    queryKey: leaderKeys.instructions(params),
    queryFn: () => api<{ items: InstructionView[] }>(`/api/instructions?${query(params)}`),
    enabled,
  });
export const useConsultations = (params: { orderId?: string; pending?: boolean }, enabled = true) =>
  useQuery({
    queryKey: leaderKeys.consultations(params),
    queryFn: () => api<{ items: ConsultationView[] }>(`/api/consultations?${query(params)}`),
    enabled,
  });
export const useLeaderSettings = (enabled = true) =>
  useQuery({ queryKey: leaderKeys.settings, queryFn: () => api<LeaderSettingsView>('/api/leader-settings'), enabled });

export const takeCase = (orderId: string, note?: string) =>
  api<LeaderCaseView>(`/api/orders/${orderId}/leader-case`, { method: 'POST', json: { note } });
export const endCase = (orderId: string) => api(`/api/orders/${orderId}/leader-case`, { method: 'DELETE' });
export const writeInstruction = (orderId: string, text: string) =>
  api<InstructionView>(`/api/orders/${orderId}/instructions`, { method: 'POST', json: { text } });
export const acknowledgeInstruction = (id: string) =>
  api<InstructionView>(`/api/instructions/${id}/acknowledge`, { method: 'POST' });
export const answerInstruction = (id: string, answer: string) =>
  api<InstructionView>(`/api/instructions/${id}/answer`, { method: 'POST', json: { answer } });
export const markDifficult = (orderId: string, reason: string) =>
  api(`/api/orders/${orderId}/difficult`, { method: 'POST', json: { reason } });
export const unmarkDifficult = (orderId: string, reason: string) =>
  api(`/api/orders/${orderId}/difficult/unmark`, { method: 'POST', json: { reason } });
export const openConsultation = (orderId: string, body: { topic: string; unitIds: string[] }) =>
  api<ConsultationView>(`/api/orders/${orderId}/consultations`, { method: 'POST', json: body });
export const giveOpinion = (id: string, opinion: string) =>
  api<ConsultationView>(`/api/consultations/${id}/opinion`, { method: 'POST', json: { opinion } });
export const concludeConsultation = (id: string, conclusion: string) =>
  api<ConsultationView>(`/api/consultations/${id}/conclude`, { method: 'POST', json: { conclusion } });
export const saveLeaderSettings = (s: LeaderSettingsView) =>
  api<LeaderSettingsView>('/api/leader-settings', { method: 'PUT', json: s });
