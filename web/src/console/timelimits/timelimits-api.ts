import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { OrderState, OrderTimeLimitView } from '../../shared/contract';
import { keys } from '../api/keys';

/** Calls of the time-limit, calendar and supervision screens (src/timelimits, src/calendar, src/supervision). */

export interface DayInfo {
  date: string;
  working: boolean;
  reason: string;
  name: string | null;
  covered: boolean;
}
export interface MonthView {
  month: string;
  timezone: string;
  workPeriods: string;
  coveredYears: number[];
  days: DayInfo[];
}
export interface Override {
  day: string;
  working: boolean;
  name: string;
}

export interface Rule {
  id?: string;
  stage: string;
  appeal_type?: string | null;
  appealType?: string | null;
  priority: number | null;
  category_id?: string | null;
  categoryId?: string | null;
  amount: number;
  unit: string;
  note: string | null;
}
export interface Settings {
  yellowShare: number;
  urgeShare: number;
  superviseAfterWorkingDays: number;
  supervisionDueWorkingDays: number;
}
export interface PolicyView {
  rules: Rule[];
  defaults: Rule[];
  settings: Settings;
}

export interface BoardOrder {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  leadUnitId: string | null;
  acceptedAt: string;
  rehandleCount: number;
  timeLimit: OrderTimeLimitView;
}
export interface Supervision {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  unit_name: string | null;
  origin: string;
  reason: string;
  due_at: string;
  status: string;
  response: string | null;
}
/** One open 领导盯办 (GET /api/leader-followups). */
export interface Followup {
  id: string;
  order_id: string;
  order_no: string;
  title: string;
  order_state: OrderState;
  deadline_due_at: string | null;
  lead_unit_name: string | null;
  reason: string;
  origin: 'auto' | 'manual';
  added_at: string;
}

export const useCalendarMonth = (month: string) =>
  useQuery({ queryKey: keys.calendar(month), queryFn: () => api<MonthView>(`/api/calendar/${month}`) });
export const useCalendarOverrides = () =>
  useQuery({ queryKey: keys.calendarOverrides, queryFn: () => api<{ items: Override[] }>('/api/calendar-overrides') });
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
export const saveTimeLimitSettings = (s: Settings) => api('/api/timelimits/settings', { method: 'PUT', json: s });

/** Orders at a warning level now (the supervision board's red and yellow lists). */
export const useWarnedOrders = (warning: 'red' | 'yellow') =>
  useQuery({
    queryKey: keys.orders({ warning }),
    queryFn: () => api<{ items: BoardOrder[] }>(`/api/orders?warning=${warning}&limit=200`),
  });
export const useSupervisions = () =>
  useQuery({ queryKey: keys.supervisions, queryFn: () => api<{ items: Supervision[] }>('/api/supervisions') });
const fetchLeaderFollowups = () => api<{ items: Followup[] }>('/api/leader-followups');
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
