import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  HouseholdView,
  PointsEntryView,
  PointsRuleView,
  PointsStatementView,
  RedemptionView,
  ResidentView,
  ShopView,
} from '../../shared/contract';

/** 积分 and 爱心超市 (issue 19, ADR 0188): the query keys of the area, under one family 'points'. */
export const pointsKeys = {
  all: ['points'] as const,
  residents: ['points', 'residents'] as const,
  ledger: (id: string) => ['points', 'ledger', id] as const,
  statement: (id: string, month: string) => ['points', 'statement', id, month] as const,
  household: (id: string) => ['points', 'household', id] as const,
  rules: ['points', 'rules'] as const,
  settings: ['points', 'settings'] as const,
  shops: ['points', 'shops'] as const,
};

export const useResidents = () =>
  useQuery({ queryKey: pointsKeys.residents, queryFn: () => api<{ residents: ResidentView[] }>('/api/residents') });

export const useLedger = (id: string) =>
  useQuery({
    queryKey: pointsKeys.ledger(id),
    queryFn: () => api<{ resident: ResidentView; entries: PointsEntryView[] }>(`/api/residents/${id}/ledger`),
  });

export const useStatement = (id: string, month: string) =>
  useQuery({
    queryKey: pointsKeys.statement(id, month),
    queryFn: () => api<PointsStatementView>(`/api/residents/${id}/statement?month=${month}`),
  });

export const useHousehold = (id: string | null) =>
  useQuery({
    queryKey: pointsKeys.household(id ?? ''),
    queryFn: () => api<HouseholdView>(`/api/households/${id}`),
    enabled: id !== null,
  });

export const usePointsRules = () =>
  useQuery({ queryKey: pointsKeys.rules, queryFn: () => api<{ rules: PointsRuleView[] }>('/api/points/rules') });

export const usePointsSettings = () =>
  useQuery({ queryKey: pointsKeys.settings, queryFn: () => api<{ usefulReportPoints: number }>('/api/points/settings') });

export const useShops = () => useQuery({ queryKey: pointsKeys.shops, queryFn: () => api<{ shops: ShopView[] }>('/api/shops') });

export const registerResident = (body: { name: string; phone?: string; unitId: string; householdName?: string }) =>
  api<{ id: string }>('/api/residents', { method: 'POST', json: body });
export const awardPoints = (residentId: string, body: { ruleId: string; evidence: string; note?: string }) =>
  api<PointsEntryView>(`/api/residents/${residentId}/awards`, { method: 'POST', json: body });
export const correctEntry = (residentId: string, body: { entryId: string; points: number; reason: string }) =>
  api<PointsEntryView>(`/api/residents/${residentId}/corrections`, { method: 'POST', json: body });
export const redeemForResident = (residentId: string, body: { itemId: string; quantity: number }) =>
  api<RedemptionView>(`/api/residents/${residentId}/redemptions`, { method: 'POST', json: body });
export const addRule = (body: { activityKind: string; name: string; points: number }) =>
  api<{ id: string }>('/api/points/rules', { method: 'POST', json: body });
export const switchRule = (id: string, active: boolean) =>
  api<void>(`/api/points/rules/${id}/switch`, { method: 'POST', json: { active } });
export const savePointsSettings = (body: { usefulReportPoints: number }) =>
  api<{ usefulReportPoints: number }>('/api/points/settings', { method: 'PUT', json: body });
export const addShop = (body: { unitId: string; name: string }) =>
  api<{ id: string }>('/api/shops', { method: 'POST', json: body });
export const addShopItem = (shopId: string, body: { name: string; cost: number; stock: number }) =>
  api<{ id: string }>(`/api/shops/${shopId}/items`, { method: 'POST', json: body });
export const restockItem = (itemId: string, quantity: number) =>
  api<{ stock: number }>(`/api/shop-items/${itemId}/restock`, { method: 'POST', json: { quantity } });
