import { Type } from '@sinclair/typebox';
import { HOP_STATES, type ForwardChainView, type ForwardInboxView } from '../contract/forwarding.js';
import { REPLY_RESULTS, UNIT_KINDS } from '../contract/vocabulary.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the forwarding routes, as src/contract/forwarding.ts declares them.

const ForwardHopSchema = Type.Object({
  id: Type.String(),
  depth: Type.Integer(),
  fromUnitId: Type.String(),
  fromUnitName: Type.String(),
  toUnitId: Type.String(),
  toUnitName: Type.String(),
  toUnitKind: StringEnum(UNIT_KINDS),
  note: Type.String(),
  dueAt: At,
  state: StringEnum(HOP_STATES),
  forwardedAt: At,
  signedAt: Nullable(At),
  repliedAt: Nullable(At),
  replyResult: Nullable(StringEnum(REPLY_RESULTS)),
  replyText: Nullable(Type.String()),
  closedAt: Nullable(At),
  closedReason: Nullable(Type.String()),
});

export const ForwardChainViewSchema = wireSchema<ForwardChainView<Date>>()(
  Type.Object({
    orderId: Type.String(),
    leadUnitId: Nullable(Type.String()),
    leadUnitName: Nullable(Type.String()),
    holderUnitId: Nullable(Type.String()),
    holderUnitName: Nullable(Type.String()),
    forwarderDueAt: Nullable(At),
    hops: Type.Array(ForwardHopSchema),
    targets: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: StringEnum(UNIT_KINDS) })),
  }),
);

const InboxItemSchema = Type.Object({
  hop: ForwardHopSchema,
  orderId: Type.String(),
  orderNo: Type.String(),
  title: Type.String(),
  orderState: Type.String(),
  orderVersion: Type.Integer(),
});

export const ForwardInboxViewSchema = wireSchema<ForwardInboxView<Date>>()(
  Type.Object({ incoming: Type.Array(InboxItemSchema), toAccept: Type.Array(InboxItemSchema) }),
);
