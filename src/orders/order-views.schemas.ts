import { Type } from '@sinclair/typebox';
import type {
  AssignmentView,
  AttachmentView,
  CallerView,
  DeadlineView,
  OrderDetailView,
  OrderLinkView,
  OrderListView,
  OrderTimeLimitView,
  OrderView,
  TimelineEventView,
  TimelineView,
} from '../contract/orders.js';
import { TIMELINE_EVENT_KINDS } from '../contract/timeline.js';
import {
  APPEAL_TYPES,
  CHANNELS,
  LIMIT_UNITS,
  ORDER_ACTIONS,
  ORDER_STATES,
  ALL_STAGES,
  type WarningLevel,
} from '../contract/vocabulary.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

// The order API's answers as src/contract/orders.ts declares them (issue 12: OpenAPI states the contract).

export const OrderStateSchema = StringEnum(ORDER_STATES);
export const StageSchema = StringEnum(ALL_STAGES);
const WarningLevelSchema = StringEnum<WarningLevel>(['none', 'yellow', 'red']);

export const OrderTimeLimitViewSchema = wireSchema<OrderTimeLimitView<Date>>()(
  Type.Object({
    stage: Nullable(StageSchema),
    dueAt: Nullable(At),
    warnAt: Nullable(At),
    paused: Type.Boolean(),
    warningLevel: Nullable(WarningLevelSchema),
    remainingMs: Nullable(Type.Number()),
  }),
);

const CallerViewSchema = wireSchema<CallerView>()(
  Type.Object({
    name: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    confidential: Type.Boolean(),
    masked: Type.Boolean(),
  }),
);

export const OrderViewSchema = wireSchema<OrderView<Date>>()(
  Type.Object({
    id: Type.String(),
    orderNo: Type.String(),
    channel: StringEnum(CHANNELS),
    sourceNumber: Nullable(Type.String()),
    windowId: Nullable(Type.String()),
    appealType: StringEnum(APPEAL_TYPES),
    categoryId: Nullable(Type.String()),
    priority: Type.Number(),
    title: Type.String(),
    content: Type.String(),
    caller: CallerViewSchema,
    regionId: Nullable(Type.String()),
    address: Nullable(Type.String()),
    point: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
    state: OrderStateSchema,
    version: Type.Number(),
    leadUnitId: Nullable(Type.String()),
    deskUnitId: Nullable(Type.String()),
    handledDirectly: Type.Boolean(),
    closureKind: Nullable(Type.String()),
    dispatchCount: Type.Number(),
    rehandleCount: Type.Number(),
    escalated: Type.Boolean(),
    mergedIntoId: Nullable(Type.String()),
    replyResult: Nullable(Type.String()),
    satisfaction: Nullable(Type.String()),
    resolved: Nullable(Type.Boolean()),
    acceptedAt: At,
    dispatchedAt: Nullable(At),
    closedAt: Nullable(At),
    updatedAt: At,
    timeLimit: OrderTimeLimitViewSchema,
  }),
);

export const OrderListViewSchema = wireSchema<OrderListView<Date>>()(
  Type.Object({
    items: Type.Array(OrderViewSchema),
    limit: Type.Number(),
    offset: Type.Number(),
    hasMore: Type.Boolean(),
    total: Type.Number(),
    totalCapped: Type.Boolean(),
  }),
);

const FiredSchema = Type.Object({
  yellow: Nullable(At),
  urge: Nullable(At),
  red: Nullable(At),
  supervise: Nullable(At),
  leader: Nullable(At),
});

/** The properties of one clock, reused by the time-limit explanation (which adds local times). */
export const DEADLINE_VIEW_PROPERTIES = {
  id: Type.String(),
  stage: StageSchema,
  status: Type.String(),
  unitId: Nullable(Type.String()),
  amount: Type.Number(),
  unit: StringEnum(LIMIT_UNITS),
  clock: Type.String(),
  startedAt: At,
  dueAt: At,
  originalDueAt: Nullable(At),
  warnAt: Nullable(At),
  urgeAt: Nullable(At),
  superviseAt: Nullable(At),
  leaderAt: Nullable(At),
  pausedAt: Nullable(At),
  pausedRemainingMs: Nullable(Type.Number()),
  endedAt: Nullable(At),
  warningLevel: Nullable(WarningLevelSchema),
  remainingMs: Nullable(Type.Number()),
  fired: FiredSchema,
  overdue: Type.Boolean(),
  explanation: Type.Unknown(),
};

export const DeadlineViewSchema = wireSchema<DeadlineView<Date>>()(Type.Object(DEADLINE_VIEW_PROPERTIES));

const AssignmentViewSchema = wireSchema<AssignmentView<Date>>()(
  Type.Object({
    unit_id: Type.String(),
    unit_name: Type.String(),
    role: StringEnum(['lead', 'assist', 'forward'] as const),
    active: Type.Boolean(),
    assigned_at: At,
    signed_at: Nullable(At),
    ended_at: Nullable(At),
  }),
);

const OrderLinkViewSchema = wireSchema<OrderLinkView<Date>>()(
  Type.Object({
    id: Type.String(),
    order_no: Type.String(),
    title: Type.String(),
    state: OrderStateSchema,
    kind: StringEnum(['duplicate', 'related'] as const),
    created_at: At,
  }),
);

export const AttachmentViewSchema = wireSchema<AttachmentView<Date>>()(
  Type.Object({
    id: Type.String(),
    fileName: Type.String(),
    contentType: Type.String(),
    sizeBytes: Type.Number(),
    createdAt: At,
  }),
);

export const OrderDetailViewSchema = wireSchema<OrderDetailView<Date>>()(
  Type.Object({
    order: OrderViewSchema,
    deadlines: Type.Array(DeadlineViewSchema),
    leadUnitName: Nullable(Type.String()),
    deskUnitName: Nullable(Type.String()),
    assignments: Type.Array(AssignmentViewSchema),
    links: Type.Array(OrderLinkViewSchema),
    attachments: Type.Array(AttachmentViewSchema),
    enterprise: Nullable(
      Type.Object({
        companyName: Nullable(Type.String()),
        creditCode: Nullable(Type.String()),
        protectName: Type.Boolean(),
        hidden: Type.Boolean(),
      }),
    ),
    origin: Type.Object({
      apiClient: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      open311: Nullable(
        Type.Object({
          attributes: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), values: Type.Array(Type.String()) })),
          mediaUrl: Nullable(Type.String()),
          externalId: Nullable(Type.String()),
        }),
      ),
      importRun: Nullable(Type.Object({ id: Type.String(), fileName: Type.String(), startedAt: At })),
    }),
    availableActions: Type.Array(StringEnum(ORDER_ACTIONS)),
  }),
);

const TimelineEventViewSchema = wireSchema<TimelineEventView<Date>>()(
  Type.Object({
    id: Type.Union([Type.Number(), Type.String()]),
    action: StringEnum(TIMELINE_EVENT_KINDS),
    from_state: Nullable(OrderStateSchema),
    to_state: Nullable(OrderStateSchema),
    at: At,
    note: Nullable(Type.String()),
    payload: Nullable(Type.Record(Type.String(), Type.Unknown())),
    actor_label: Nullable(Type.String()),
    actor_name: Nullable(Type.String()),
    actor_unit_name: Nullable(Type.String()),
  }),
);

export const TimelineViewSchema = wireSchema<TimelineView<Date>>()(
  Type.Object({
    orderId: Type.String(),
    orderNo: Type.String(),
    state: OrderStateSchema,
    events: Type.Array(TimelineEventViewSchema),
  }),
);
