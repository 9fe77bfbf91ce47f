import type { EnterpriseView } from './enterprise.js';
import type { TimelineEventKind } from './timeline.js';
import type { AppealType, Channel, LimitUnit, OrderAction, OrderState, Stage, WarningLevel } from './vocabulary.js';

/**
 * The shapes of the order API as the server's presenters produce them and the console reads them.
 * `At` is how an instant travels: the server builds them with `Date`, the wire (and the web) carries
 * ISO strings; every other field is the same on both sides, so the compiler checks the server against
 * what the web expects.
 */
export type Instant = string;

/** The order's nearest running deadline, shown on every order (src/timelimits/timelimit.presenter.ts). */
export interface OrderTimeLimitView<At = Instant> {
  stage: Stage | null;
  dueAt: At | null;
  warnAt: At | null;
  paused: boolean;
  warningLevel: WarningLevel | null;
  /** Milliseconds of wall time until the deadline; negative when overdue. */
  remainingMs: number | null;
}

export interface CallerView {
  name: string | null;
  phone: string | null;
  confidential: boolean;
  masked: boolean;
}

/** One order as the API shows it (src/orders/order.presenter.ts): whitelisted, caller masked unless allowed. */
export interface OrderView<At = Instant> {
  id: string;
  orderNo: string;
  channel: Channel;
  sourceNumber: string | null;
  /** The 办不成事 window that took a window appeal (src/channels, issue 16). */
  windowId: string | null;
  appealType: AppealType;
  categoryId: string | null;
  priority: number;
  title: string;
  content: string;
  caller: CallerView;
  regionId: string | null;
  address: string | null;
  point: { lat: number; lng: number } | null;
  state: OrderState;
  version: number;
  leadUnitId: string | null;
  /** The sub-centre desk holding the order (ADR 0110); null = the league centre's. */
  deskUnitId: string | null;
  handledDirectly: boolean;
  closureKind: string | null;
  dispatchCount: number;
  rehandleCount: number;
  escalated: boolean;
  mergedIntoId: string | null;
  replyResult: string | null;
  satisfaction: string | null;
  resolved: boolean | null;
  acceptedAt: At;
  dispatchedAt: At | null;
  closedAt: At | null;
  updatedAt: At;
  timeLimit: OrderTimeLimitView<At>;
}

/** Sort orders of GET /api/orders, each served by an index (ADR 0101): nearest deadline first, latest first, newest first. */
export const ORDER_SORTS = ['deadline', 'deadline_desc', 'accepted', 'updated'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** Counting stops here: a queue's pager needs "more than ten thousand", not the exact figure. */
export const ORDER_COUNT_CAP = 10_000;

export interface OrderListView<At = Instant> {
  items: OrderView<At>[];
  limit: number;
  offset: number;
  hasMore: boolean;
  /** Matching orders, at most ORDER_COUNT_CAP; totalCapped says there are more. */
  total: number;
  totalCapped: boolean;
}

/** One clock of an order (GET /api/orders/:id → deadlines). */
export interface DeadlineView<At = Instant> {
  id: string;
  stage: Stage;
  status: string;
  unitId: string | null;
  amount: number;
  unit: LimitUnit;
  clock: string;
  startedAt: At;
  dueAt: At;
  originalDueAt: At | null;
  warnAt: At | null;
  urgeAt: At | null;
  superviseAt: At | null;
  leaderAt: At | null;
  pausedAt: At | null;
  pausedRemainingMs: number | null;
  endedAt: At | null;
  warningLevel: WarningLevel | null;
  remainingMs: number | null;
  fired: { yellow: At | null; urge: At | null; red: At | null; supervise: At | null; leader: At | null };
  overdue: boolean;
  explanation: unknown;
}

export interface AssignmentView<At = Instant> {
  unit_id: string;
  unit_name: string;
  role: 'lead' | 'assist' | 'forward';
  active: boolean;
  assigned_at: At;
  signed_at: At | null;
  ended_at: At | null;
}

export interface OrderLinkView<At = Instant> {
  id: string;
  order_no: string;
  title: string;
  state: OrderState;
  kind: 'duplicate' | 'related';
  created_at: At;
}

export interface AttachmentView<At = Instant> {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: At;
}

/** Who saw an order's unmasked personal data (GET /api/audit/pii-access, the auditor). */
export interface PiiAccessLogView<At = Instant> {
  orderId: string;
  orderNo: string;
  entries: { at: At; fields: string[]; purpose: string; username: string | null }[];
}

/** GET /api/orders/:id: the order, its clocks, units, links, files and what the reader may do next. */
export interface OrderDetailView<At = Instant> {
  order: OrderView<At>;
  deadlines: DeadlineView<At>[];
  leadUnitName: string | null;
  /** The desk holding the order: a sub-centre's name, or null for the league centre. */
  deskUnitName: string | null;
  assignments: AssignmentView<At>[];
  links: OrderLinkView<At>[];
  attachments: AttachmentView<At>[];
  /** 涉企诉求: the company (hidden from a handling unit when it asked for protection); null otherwise. */
  enterprise: EnterpriseView | null;
  /** Where it came from beyond its channel: the outside system that submitted it, or the import that wrote it. */
  origin: OrderOriginView<At>;
  availableActions: OrderAction[];
}

/** One Open311 attribute an outside system sent, named as the service definition names it. */
export interface Open311AttributeView {
  code: string;
  label: string;
  /** The value(s) in words: a list value's name, else the value as sent. */
  values: string[];
}

/** The origin of an order (issue 17), shown on its page to everyone who may read the order. */
export interface OrderOriginView<At = Instant> {
  /** The API client (outside system) that submitted an open-API order; null for every other order. */
  apiClient: { id: string; name: string } | null;
  /**
   * What the client sent through Open311 (open311_requests): the attributes the category's service
   * definition asks for (others it may send are kept but not shown: they are not vetted), the photo
   * link and the client's own reference. The account and device ids are never shown.
   */
  open311: { attributes: Open311AttributeView[]; mediaUrl: string | null; externalId: string | null } | null;
  /** An imported order (已导入, ADR 0183): the run that wrote it; null for every order lianxin took in. */
  importRun: { id: string; fileName: string; startedAt: At } | null;
}

/** One step on an order's timeline (全程可追溯). */
export interface TimelineEventView<At = Instant> {
  id: number | string;
  action: TimelineEventKind;
  from_state: OrderState | null;
  to_state: OrderState | null;
  at: At;
  note: string | null;
  payload: Record<string, unknown> | null;
  actor_label: string | null;
  actor_name: string | null;
  actor_unit_name: string | null;
}

export interface TimelineView<At = Instant> {
  orderId: string;
  orderNo: string;
  state: OrderState;
  events: TimelineEventView<At>[];
}

/** A piece of highlighted text from the server: matches have `hit`. */
export interface TextFragment {
  text: string;
  hit: boolean;
}

export type DuplicateReason = 'same_caller' | 'same_address' | 'same_region' | 'similar_text' | 'nearby';

/** An earlier (or later) order that may be the same appeal. */
export interface DuplicateCandidateView<At = Instant> {
  orderId: string;
  orderNo: string;
  title: string;
  state: OrderState;
  acceptedAt: At;
  score: number;
  likely?: boolean;
  reasons: DuplicateReason[];
  textSimilarity?: number;
  /** Metres between the two orders' points (WGS-84, haversine); absent or null without two points. */
  distanceMetres?: number | null;
}

/** GET /api/orders/:id/duplicates. */
export interface OrderDuplicatesView<At = Instant> {
  orderId: string;
  mergedIntoId: string | null;
  candidates: DuplicateCandidateView<At>[];
  laterMatches: DuplicateCandidateView<At>[];
}

/** One hit of GET /api/search/orders: ranked, with the title and a content snippet highlighted. */
export interface OrderSearchHitView<At = Instant> {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  leadUnitId: string | null;
  categoryId: string | null;
  regionId: string | null;
  acceptedAt: At;
  rank: number;
  highlight: { title: TextFragment[]; content: TextFragment[] };
}

export interface OrderSearchResultView<At = Instant> {
  words: string[];
  hasMore: boolean;
  items: OrderSearchHitView<At>[];
}
