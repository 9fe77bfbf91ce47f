import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { toQueryString } from '../api/queries';
import type {
  CatalogueAnswer,
  CatalogueReport,
  CatalogueRuleInput,
  CatalogueRuleVersionView,
  CatalogueRuleView,
  CatalogueSettingsView,
} from '../../shared/contract';

export type { CatalogueAnswer, CatalogueReport, CatalogueRuleInput, CatalogueRuleView, CatalogueRuleVersionView } from '../../shared/contract';

/** 派单目录 (src/catalogue): the rules, their answer for an appeal, the auto-dispatch switch, the report. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  rules: (filter: RuleFilter) => ['catalogue', 'rules', filter] as const,
  history: (id: string) => ['catalogue', 'history', id] as const,
  lookup: (input: LookupInput) => ['catalogue', 'lookup', input] as const,
  settings: ['catalogue', 'settings'] as const,
  report: (from: string, to: string) => ['catalogue', 'report', from, to] as const,
};

export interface RuleFilter {
  categoryId?: string;
  regionId?: string;
  unitId?: string;
  status?: 'active' | 'future' | 'expired';
  q?: string;
}

export const useCatalogueRules = (filter: RuleFilter) =>
  useQuery({
    queryKey: catalogueKeys.rules(filter),
    queryFn: () => api<{ items: CatalogueRuleView[] }>(`/api/catalogue/rules${toQueryString({ ...filter })}`),
  });

export const useRuleHistory = (id: string) =>
  useQuery({
    queryKey: catalogueKeys.history(id),
    queryFn: () => api<{ items: CatalogueRuleVersionView[] }>(`/api/catalogue/rules/${id}/history`),
  });

export const createRule = (body: CatalogueRuleInput) => api<CatalogueRuleView>('/api/catalogue/rules', { method: 'POST', json: body });
export const editRule = (id: string, body: CatalogueRuleInput & { version: number }) =>
  api<CatalogueRuleView>(`/api/catalogue/rules/${id}`, { method: 'PUT', json: body });
export const expireRule = (id: string, version: number) =>
  api<CatalogueRuleView>(`/api/catalogue/rules/${id}/expire`, { method: 'POST', json: { version } });

export const useCatalogueSettings = () =>
  useQuery({ queryKey: catalogueKeys.settings, queryFn: () => api<CatalogueSettingsView>('/api/catalogue/settings') });
export const setCatalogueSettings = (body: CatalogueSettingsView) =>
  api<CatalogueSettingsView>('/api/catalogue/settings', { method: 'PUT', json: body });

export interface LookupInput {
  categoryId?: string;
  regionId?: string;
  appealType?: string;
  title: string;
  content: string;
}

/** The catalogue's answer for an appeal (intake, dispatch dialog): shown before the learned suggestion. */
export const useCatalogueLookup = (input: LookupInput, enabled: boolean) =>
  useQuery({
    queryKey: catalogueKeys.lookup(input),
    queryFn: () =>
      api<CatalogueAnswer>('/api/catalogue/lookup', {
        method: 'POST',
        json: {
          categoryId: input.categoryId || undefined,
          regionId: input.regionId || undefined,
          appealType: input.appealType || undefined,
          title: input.title.slice(0, 200),
          content: input.content.slice(0, 20_000),
        },
      }),
    enabled,
    staleTime: 30_000,
  });

export const useCatalogueReport = (from: string, to: string) =>
  useQuery({
    queryKey: catalogueKeys.report(from, to),
    queryFn: () => api<CatalogueReport>(`/api/catalogue/report${toQueryString({ from, to })}`),
  });
