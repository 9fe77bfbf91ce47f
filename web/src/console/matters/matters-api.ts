import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  MatterLinkKind,
  MatterOptionsView,
  MatterStatus,
  MatterSummary,
  MatterView,
  RoundView,
} from '../../shared/contract';

/** 民生实事 and 票决 (issue 19, ADR 0206): the area's query keys under one family 'matters'. */
export const matterKeys = {
  all: ['matters'] as const,
  list: (year: number) => ['matters', 'list', year] as const,
  one: (id: string) => ['matters', 'one', id] as const,
  options: ['matters', 'options'] as const,
  rounds: (year: number) => ['matters', 'rounds', year] as const,
};

export const useMatters = (year: number) =>
  useQuery({
    queryKey: matterKeys.list(year),
    queryFn: () => api<{ year: number; matters: MatterSummary[] }>(`/api/matters?year=${year}`),
  });

export const useMatter = (id: string | null) =>
  useQuery({ queryKey: matterKeys.one(id ?? ''), queryFn: () => api<MatterView>(`/api/matters/${id}`), enabled: id !== null });

export const useMatterOptions = (enabled: boolean) =>
  useQuery({
    queryKey: matterKeys.options,
    queryFn: () => api<MatterOptionsView>('/api/matters/options'),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useRounds = (year: number) =>
  useQuery({ queryKey: matterKeys.rounds(year), queryFn: () => api<{ rounds: RoundView[] }>(`/api/matter-rounds?year=${year}`) });

export interface NewMatterBody {
  year: number;
  title: string;
  description: string;
  regionId?: string | null;
  leaderId: string;
  unitIds: string[];
  budgetYuan?: number | null;
  source: 'scratch' | 'cluster' | 'suggestion';
  milestones?: { name: string; dueOn: string }[];
  orderIds?: string[];
}

export const createMatter = (body: NewMatterBody) => api<MatterView>('/api/matters', { method: 'POST', json: body });
export const moveMatter = (id: string, to: MatterStatus) =>
  api<MatterView>(`/api/matters/${id}/status`, { method: 'POST', json: { to } });
export const addMilestone = (id: string, body: { name: string; dueOn: string }) =>
  api<MatterView>(`/api/matters/${id}/milestones`, { method: 'POST', json: body });
export const tickMilestone = (id: string, milestoneId: string) =>
  api<MatterView>(`/api/matters/${id}/milestones/${milestoneId}/done`, { method: 'POST', json: {} });
export const reportProgress = (id: string, body: { body: string }) =>
  api<MatterView>(`/api/matters/${id}/progress`, { method: 'POST', json: body });
export const linkAppeal = (id: string, body: { order: string; kind: MatterLinkKind }) =>
  api<MatterView>(`/api/matters/${id}/links`, { method: 'POST', json: body });
export const openRound = (body: {
  year: number;
  title: string;
  opensAt: string;
  closesAt: string;
  maxPicks: number;
  adoptCount: number;
  matterIds: string[];
}) => api<RoundView>('/api/matter-rounds', { method: 'POST', json: body });
export const closeRound = (id: string) => api<RoundView>(`/api/matter-rounds/${id}/close`, { method: 'POST' });
