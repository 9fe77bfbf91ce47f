/** Shapes of the core API as the console reads them (see src/orders/order.presenter.ts). */
export type Role =
  'operator' | 'dispatcher' | 'unit_handler' | 'unit_admin' | 'supervisor' | 'leader' | 'analyst' | 'admin' | 'auditor';

export const ALL_ROLES: Role[] = [
  'operator',
  'dispatcher',
  'unit_handler',
  'unit_admin',
  'supervisor',
  'leader',
  'analyst',
  'admin',
  'auditor',
];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  centreId: string;
}

export type OrderState =
  | 'accepted'
  | 'dispatched'
  | 'return_requested'
  | 'handling'
  | 'extension_requested'
  | 'replied'
  | 'visiting'
  | 'closed'
  | 'invalid'
  | 'merged';

export const ORDER_STATES: OrderState[] = [
  'accepted',
  'dispatched',
  'return_requested',
  'handling',
  'extension_requested',
  'replied',
  'visiting',
  'closed',
  'invalid',
  'merged',
];
export const OPEN_STATES: OrderState[] = ORDER_STATES.slice(0, 7);

export const APPEAL_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise', 'other'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];
export const CHANNELS = ['phone', 'web', 'window', 'grid', 'open_api', 'import'] as const;

export type OrderAction =
  | 'answer_directly'
  | 'reject'
  | 'merge'
  | 'dispatch'
  | 'sign'
  | 'request_return'
  | 'approve_return'
  | 'reject_return'
  | 'record_contact'
  | 'request_extension'
  | 'approve_extension'
  | 'reject_extension'
  | 'reply'
  | 'review_accept'
  | 'review_send_back'
  | 'visit_close'
  | 'visit_rehandle'
  | 'unmerge'
  | 'wait_for_citizen'
  | 'suspend'
  | 'resume_clock';

/** Deadline fields the time-limits capability adds to orders; every one is optional until it lands. */
export interface DeadlineInfo {
  stage?: string | null;
  dueAt?: string | null;
  warningLevel?: 'none' | 'green' | 'yellow' | 'red' | null;
  remainingMinutes?: number | null;
}

export interface Order extends DeadlineInfo {
  id: string;
  orderNo: string;
  channel: string;
  sourceNumber: string | null;
  appealType: AppealType;
  categoryId: string | null;
  priority: number;
  title: string;
  content: string;
  caller: { name: string | null; phone: string | null; confidential: boolean; masked: boolean };
  regionId: string | null;
  address: string | null;
  state: OrderState;
  version: number;
  leadUnitId: string | null;
  handledDirectly: boolean;
  closureKind: string | null;
  dispatchCount: number;
  rehandleCount: number;
  escalated: boolean;
  mergedIntoId: string | null;
  replyResult: string | null;
  satisfaction: string | null;
  resolved: boolean | null;
  acceptedAt: string;
  dispatchedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  deadlines?: Record<string, unknown> | unknown[] | null;
}

/** A piece of highlighted text from the server: matches have `hit`. */
export interface TextFragment {
  text: string;
  hit: boolean;
}

/** One hit of GET /api/search/orders: ranked, with the title and a content snippet highlighted. */
export interface OrderSearchHit {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  leadUnitId: string | null;
  categoryId: string | null;
  regionId: string | null;
  acceptedAt: string;
  rank: number;
  highlight: { title: TextFragment[]; content: TextFragment[] };
}

export interface OrderSearchResult {
  words: string[];
  hasMore: boolean;
  items: OrderSearchHit[];
}

export interface OrderList {
  items: Order[];
  limit: number;
  offset: number;
  hasMore: boolean;
}

export interface Assignment {
  unit_id: string;
  unit_name: string;
  role: 'lead' | 'assist';
  active: boolean;
  assigned_at: string;
  signed_at: string | null;
  ended_at: string | null;
}

export interface OrderDetail {
  order: Order;
  leadUnitName: string | null;
  assignments: Assignment[];
  links: { id: string; order_no: string; title: string; state: OrderState; kind: string; created_at: string }[];
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string }[];
  availableActions: OrderAction[];
}

export interface TimelineEvent {
  id: number;
  action: string;
  from_state: OrderState | null;
  to_state: OrderState | null;
  at: string;
  note: string | null;
  payload: Record<string, unknown> | null;
  actor_label: string | null;
  actor_name: string | null;
  actor_unit_name: string | null;
}

export interface Timeline {
  orderId: string;
  orderNo: string;
  state: OrderState;
  events: TimelineEvent[];
}

export interface UnitNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
  active: boolean;
}

export interface RegionNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
}

export interface UserRow {
  id: string;
  username: string;
  display_name?: string;
  displayName?: string;
  roles: Role[];
  unit_id?: string;
  unitId?: string;
  active?: boolean;
}
