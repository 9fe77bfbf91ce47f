import { Type, type Static } from '@sinclair/typebox';
import type { CallRecordView, CurrentCallView, OrderCallView, ScreenPopView } from '../contract/calls.js';
import { OrderStateSchema } from '../orders/order-views.schemas.js';
import { StringEnum as lit, OrderRef } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

export const CALL_EVENTS = ['offered', 'answered', 'abandoned', 'ended'] as const;
export type CallEventKind = (typeof CALL_EVENTS)[number];

const Digits = Type.String({ pattern: '^\\+?[0-9][0-9-]{2,19}$', maxLength: 20 });

/** One event of a call as the telephone system (CTI) reports it; repeated events are idempotent. */
export const CallEventSchema = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 100, description: 'the CTI’s own call id' }),
    event: lit(CALL_EVENTS, { description: 'offered → answered → ended, or offered → abandoned' }),
    at: Type.String({ format: 'date-time', description: 'when the event happened' }),
    offeredAt: Type.Optional(Type.String({ format: 'date-time', description: 'when the call entered the queue' })),
    answeredAt: Type.Optional(Type.String({ format: 'date-time' })),
    hotlineNumber: Type.Optional(Type.String({ maxLength: 20, description: '原热线号码（双号并行）, e.g. 12345 or 12315' })),
    callerNumber: Type.Optional(Digits),
    operator: Type.Optional(Type.String({ maxLength: 100, description: 'username of the operator who answered' })),
    operatorExt: Type.Optional(Type.String({ maxLength: 20, description: 'seat / extension number' })),
    waitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
    talkSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
    recordingUrl: Type.Optional(
      Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'where the CTI keeps the recording' }),
    ),
  },
  { additionalProperties: false },
);
export type CallEventInput = Static<typeof CallEventSchema>;

export const CallLinkSchema = Type.Object(
  { orderId: OrderRef({ description: 'order id or order number' }) },
  { additionalProperties: false },
);

export const CallIdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });

// The answers, as src/contract/calls.ts declares them.

const CallStatusSchema = lit(CALL_EVENTS);
const Id = Type.Integer();

export const CallRecordViewSchema = wireSchema<CallRecordView<Date>>()(
  Type.Object({
    id: Id,
    callId: Type.String(),
    status: CallStatusSchema,
    hotlineNumber: Nullable(Type.String()),
    operatorUserId: Nullable(Type.String()),
    operatorExt: Nullable(Type.String()),
    offeredAt: At,
    answeredAt: Nullable(At),
    endedAt: Nullable(At),
    waitSeconds: Nullable(Type.Number()),
    talkSeconds: Nullable(Type.Number()),
    recordingUrl: Nullable(Type.String()),
    orderIds: Type.Optional(Type.Array(Type.String())),
  }),
);

export const CurrentCallSchema = wireSchema<{ call: CurrentCallView<Date> | null }>()(
  Type.Object({ call: Nullable(Type.Object({ id: Id, status: CallStatusSchema, offeredAt: At })) }),
);

export const ScreenPopViewSchema = wireSchema<ScreenPopView<Date>>()(
  Type.Object({
    call: Type.Object({
      id: Id,
      status: CallStatusSchema,
      offeredAt: At,
      answeredAt: Nullable(At),
      endedAt: Nullable(At),
      hotlineNumber: Nullable(Type.String()),
    }),
    callerNumber: Nullable(Type.String()),
    masked: Type.Boolean(),
    callerName: Nullable(Type.String()),
    address: Nullable(Type.String()),
    regionId: Nullable(Type.String()),
    history: Type.Array(
      Type.Object({
        id: Type.String(),
        orderNo: Type.String(),
        title: Type.String(),
        state: OrderStateSchema,
        acceptedAt: At,
        open: Type.Boolean(),
      }),
    ),
  }),
);

export const OrderCallsSchema = wireSchema<{ items: OrderCallView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Id,
        status: CallStatusSchema,
        offeredAt: At,
        answeredAt: Nullable(At),
        talkSeconds: Nullable(Type.Number()),
        recordingUrl: Nullable(Type.String()),
      }),
    ),
  }),
);
