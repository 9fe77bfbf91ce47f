import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  CalendarMonthView,
  CalendarOverrideView,
  EscalationSettings,
  LeaderFollowupView,
  LimitRule,
  OrderView,
  PolicyView,
  SupervisionView,
  TimeLimitPolicyRow,
} from '../../shared/contract';
import { keys } from '../api/keys';

/** Calls of the time-limit, calendar and supervision screens (src/timelimits, src/calendar, src/supervision). */

/** A row of the rules table: an admin rule (its stored snake_case row) or a built-in default (camelCase). */
export type Rule = Partial<TimeLimitPolicyRow> &
  Partial<LimitRule> &
  Pick<LimitRule, 'stage' | 'priority' | 'amount' | 'unit' | 'note'>;
/** What the supervision board reads of an order. */
export type BoardOrder = Pick<
  OrderView,
  'id' | 'orderNo' | 'title' | 'state' | 'leadUnitId' | 'acceptedAt' | 'rehandleCount' | 'timeLimit'
>;

export const useCalendarMonth = (month: string) =>
  useQuery({ queryKey: keys.calendar(month), queryFn: () => api<CalendarMonthView>(`/api/calendar/${month}`) });
export const useCalendarOverrides = () =>
  useQuery({
    queryKey: keys.calendarOverrides,
    queryFn: () => api<{ items: CalendarOverrideView[] }>('/api/calendar-overrides'),
  });
export const saveOverride = (day: string, body: { working: boolean; name: string }) =>
  api(`/api/calendar-overrides/${day}`, { method: 'PUT', json: body });
export const deleteOverride = (day: string) => api(`/api/calendar-overrides/${day}`, { method: 'DELETE' });
export const saveWorkPeriods = (workPeriods: string) => api('/api/calendar-settings', { method: 'PUT', json: { workPeriods } });

export const useTimeLimitPolicies = () =>
  useQuery({ queryKey: keys.timeLimitPolicies, queryFn: () => api<PolicyView>('/api/timelimits/policies') });
export const addPolicy = (rule: Record<string, unknown>) => api('/api/timelimits/policies', { method: 'POST', json: rule });
export const retirePolicy = (id: string) => api(`/api/timelimits/policies/${id}`, { method: 'DELETE' });
export const applyBanbuchengPreset = (categoryId: string) =>
  api('/api/timelimits/presets/banbucheng', { method: 'POST', json: { categoryId } });
export const saveTimeLimitSettings = (s: EscalationSettings) => api('/api/timelimits/settings', { method: 'PUT', json: s });

/** Orders at a warning level now (the supervision board's red and yellow lists). */
export const useWarnedOrders = (warning: 'red' | 'yellow') =>
  useQuery({
    queryKey: keys.orders({ warning }),
    queryFn: () => api<{ items: BoardOrder[] }>(`/api/orders?warning=${warning}&limit=200`),
  });
export const useSupervisions = () =>
  useQuery({ queryKey: keys.supervisions, queryFn: () => api<{ items: SupervisionView[] }>('/api/supervisions') });
const fetchLeaderFollowups = () => api<{ items: LeaderFollowupView[] }>('/api/leader-followups');
export const useLeaderFollowups = (enabled = true) =>
  useQuery({ queryKey: keys.leaderFollowups, queryFn: fetchLeaderFollowups, enabled });
/** The same list on the leader's desk, keyed under the orders so every order change refetches it. */
export const useFollowedOrders = () => useQuery({ queryKey: keys.leaderFollowupOrders, queryFn: fetchLeaderFollowups });

/** 催办 / 督办 by hand, and closing a 督办单 (also used from an order's page). */
export const urgeOrder = (orderId: string, note: string) =>
  api(`/api/orders/${orderId}/urge`, { method: 'POST', json: { note } });
export const superviseOrder = (orderId: string, body: { reason?: string; dueWorkingDays?: number }) =>
  api(`/api/orders/${orderId}/supervisions`, { method: 'POST', json: body });
export const closeSupervision = (id: string, note: string) =>
  api(`/api/supervisions/${id}/close`, { method: 'POST', json: { note } });
export const addLeaderFollowup = (orderId: string, reason: string) =>
  api(`/api/orders/${orderId}/leader-followup`, { method: 'POST', json: { reason } });
export const endLeaderFollowup = (orderId: string) => api(`/api/orders/${orderId}/leader-followup`, { method: 'DELETE' });
