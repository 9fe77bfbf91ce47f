import type { OrderSort, WarningLevel } from '../../shared/contract';
import type { DispatchAreaView, OrderDuplicatesView } from '../../shared/contract';
import type {
  MySecurityView,
  SessionView,
  SignInChallengeView,
  TotpConfirmedView,
  TotpEnrolmentView,
} from '../../shared/contract';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { keys } from './keys';
import type {
  CategoryNode,
  Me,
  OrderAction,
  OrderDetail,
  Order,
  OrderList,
  OrderSearchResult,
  RegionNode,
  SubCentres,
  Timeline,
  UnitNode,
  UserRow,
} from './types';

export { keys };

export type OrderListParams = {
  state?: string;
  leadUnitId?: string;
  from?: string;
  to?: string;
  callerPhone?: string;
  escalated?: boolean;
  /** Time-limit warning level now (src/timelimits). */
  warning?: Exclude<WarningLevel, 'none'>;
  q?: string;
  limit?: number;
  offset?: number;
  /** Server-side sort (ADR 0101); accepted (newest first) when absent. */
  sort?: OrderSort;
};

export function toQueryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== null) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const fetchMe = () => api<Me>('/api/auth/me');
/** A session, or the second step that is due (ADR 0156). */
export type SignInAnswer = { token: string; expiresAt: string } | SignInChallengeView;
export const signIn = (credentials: { username: string; password: string }) =>
  api<SignInAnswer>('/api/auth/login', { method: 'POST', json: credentials });
export const verifySecondStep = (body: { challenge: string; code?: string; recoveryCode?: string }) =>
  api<SessionView>('/api/auth/totp', { method: 'POST', json: body });
export const startTotpEnrolment = (challenge?: string) =>
  api<TotpEnrolmentView>('/api/auth/totp/enrol', { method: 'POST', json: challenge ? { challenge } : {} });
export const confirmTotpEnrolment = (code: string, challenge?: string) =>
  api<TotpConfirmedView>('/api/auth/totp/enrol/confirm', { method: 'POST', json: challenge ? { challenge, code } : { code } });
export const useMySecurity = () =>
  useQuery({ queryKey: keys.mySecurity, queryFn: () => api<MySecurityView>('/api/me/security') });
export const signOut = () => api('/api/auth/logout', { method: 'POST' });
/** Self-service password change (ADR 0156): every session ends, so the user signs in again. */
export const changePassword = (body: { username: string; currentPassword: string; newPassword: string }) =>
  api('/api/auth/password', { method: 'POST', json: body });

export function useOrders(params: OrderListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.orders(params),
    queryFn: () => api<OrderList>(`/api/orders${toQueryString(params)}`),
    enabled: options.enabled ?? true,
  });
}

export type OrderSearchParams = {
  q: string;
  state?: string;
  unitId?: string;
  categoryId?: string;
  regionId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

/** Full-text search of orders (GET /api/search/orders): ranked, highlighted, filtered, within the user's scope. */
export function useOrderSearch(params: OrderSearchParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.orderSearch(params),
    queryFn: () => api<OrderSearchResult>(`/api/search/orders${toQueryString(params)}`),
    enabled: options.enabled ?? true,
  });
}

/** Several order lists at once (the tabs of a queue), keyed by name. */
export function useOrderQueues<K extends string>(specs: Record<K, OrderListParams>) {
  const names = Object.keys(specs) as K[];
  const results = useQueries({
    queries: names.map((name) => ({
      queryKey: keys.orders(specs[name]),
      queryFn: () => api<OrderList>(`/api/orders${toQueryString(specs[name])}`),
    })),
  });
  return Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<K, (typeof results)[number]>;
}

/** One order's page data, by its id or its number (工单编号). */
export const fetchOrderDetail = (idOrNo: string) => api<OrderDetail>(`/api/orders/${encodeURIComponent(idOrNo)}`);

export function useOrderDetail(id: string) {
  return useQuery({
    queryKey: keys.order(id),
    queryFn: () => fetchOrderDetail(id),
    retry: false,
  });
}

/** 重复件 candidates of an order; keyed under the order page, so an action or a live change refetches them. */
export function useOrderDuplicates(orderId: string, enabled = true) {
  return useQuery({
    queryKey: keys.orderDuplicates(orderId),
    queryFn: () => api<OrderDuplicatesView>(`/api/orders/${encodeURIComponent(orderId)}/duplicates`),
    enabled,
  });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.timeline(id),
    queryFn: () => api<Timeline>(`/api/orders/${encodeURIComponent(id)}/timeline`),
    enabled,
    retry: false,
  });
}

const STATIC = { staleTime: 5 * 60_000 };

export const useUnits = () =>
  useQuery({ queryKey: keys.units, queryFn: () => api<{ items: UnitNode[] }>('/api/units'), ...STATIC });
export const useCategories = () =>
  useQuery({ queryKey: keys.categories, queryFn: () => api<{ items: CategoryNode[] }>('/api/categories'), ...STATIC });
export const useRegions = () =>
  useQuery({ queryKey: keys.regions, queryFn: () => api<{ items: RegionNode[] }>('/api/regions'), ...STATIC });
/** The centre's sub-centres (分中心, ADR 0110) and its routing switch. */
export const useSubCentres = () =>
  useQuery({ queryKey: keys.subCentres, queryFn: () => api<SubCentres>('/api/sub-centres'), ...STATIC });
/** Where the signed-in dispatcher may dispatch: a sub-centre's banner/county and league-wide units (ADR 0153). */
export const useDispatchArea = (enabled = true) =>
  useQuery({
    queryKey: keys.dispatchArea,
    queryFn: () => api<DispatchAreaView>('/api/sub-centres/dispatch-area'),
    enabled,
    retry: false,
    ...STATIC,
  });
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api<{ items: UserRow[] }>('/api/users'), enabled });

const kebab = (action: string) => action.replace(/_/g, '-');

/** Runs one lifecycle action; afterwards every order list, the order and its timeline are refetched. */
export function useOrderAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { orderId: string; action: OrderAction; version: number; body?: Record<string, unknown> }) =>
      api<Order>(`/api/orders/${v.orderId}/actions/${kebab(v.action)}`, {
        method: 'POST',
        json: { version: v.version, ...v.body },
      }),
    onSuccess: (updated, v) => {
      patchListedOrder(client, updated as Order);
      invalidateOrder(client, v.orderId);
    },
  });
}

/**
 * Puts an action's new state and version into every cached list row of that order at once, before
 * the lists refetch: a quick action right after another one (sign, then record contact) must not
 * send the version the list showed before (409).
 */
function patchListedOrder(client: ReturnType<typeof useQueryClient>, updated: Order) {
  client.setQueriesData<OrderList>({ queryKey: ['orders'] }, (data) =>
    data && Array.isArray(data.items)
      ? {
          ...data,
          items: data.items.map((o) =>
            o.id === updated.id && 'version' in o ? { ...o, version: updated.version, state: updated.state } : o,
          ),
        }
      : data,
  );
}

export function invalidateOrder(client: ReturnType<typeof useQueryClient>, orderId?: string) {
  void client.invalidateQueries({ queryKey: ['orders'] });
  if (orderId) invalidateOrderPage(client, orderId);
}

/**
 * Refetches an order's page (detail and timeline), whether it was opened by the order's id or by its
 * number (a typed or linked 工单编号 keys the queries by the number).
 */
export function invalidateOrderPage(client: ReturnType<typeof useQueryClient>, orderId: string) {
  const pageKeys = new Set<unknown>([orderId]);
  for (const q of client.getQueryCache().findAll({ queryKey: ['order'] })) {
    if ((q.state.data as Partial<OrderDetail> | undefined)?.order?.id === orderId) pageKeys.add(q.queryKey[1]);
  }
  void client.invalidateQueries({
    predicate: (q) => (q.queryKey[0] === 'order' || q.queryKey[0] === 'timeline') && pageKeys.has(q.queryKey[1]),
  });
}

/** Uploads one file as multipart (field `file`) to an order. */
export async function uploadAttachment(orderId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ id: string; fileName: string }>(`/api/orders/${orderId}/attachments`, { method: 'POST', body: form });
}
