import { Type, type Static } from '@sinclair/typebox';
import { ORDER_STATES } from '../contract/vocabulary.js';
import type { DuplicateCandidateView, DuplicateReason, OrderDuplicatesView } from '../contract/orders.js';
import { PhoneSchema } from '../orders/order.schemas.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

export const DuplicateCheckSchema = Type.Object(
  {
    title: Type.String({ maxLength: 200 }),
    content: Type.String({ maxLength: 10000 }),
    callerPhone: Type.Optional(Type.Union([PhoneSchema, Type.Literal('')])),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);
export type DuplicateCheckInput = Static<typeof DuplicateCheckSchema>;

export { OrderRefParam as OrderIdParam } from '../shared/schema.js';

// The answers, as src/contract/orders.ts declares them.

const DUPLICATE_REASONS = [
  'same_caller',
  'same_address',
  'same_region',
  'similar_text',
] as const satisfies readonly DuplicateReason[];

const DuplicateCandidateViewSchema = wireSchema<DuplicateCandidateView<Date>>()(
  Type.Object({
    orderId: Type.String(),
    orderNo: Type.String(),
    title: Type.String(),
    state: StringEnum(ORDER_STATES),
    acceptedAt: InstantSchema,
    score: Type.Number(),
    likely: Type.Optional(Type.Boolean()),
    reasons: Type.Array(StringEnum(DUPLICATE_REASONS)),
    textSimilarity: Type.Optional(Type.Number()),
  }),
);

export const OrderDuplicatesViewSchema = wireSchema<OrderDuplicatesView<Date>>()(
  Type.Object({
    orderId: Type.String(),
    mergedIntoId: Nullable(Type.String()),
    candidates: Type.Array(DuplicateCandidateViewSchema),
    laterMatches: Type.Array(DuplicateCandidateViewSchema),
  }),
);

export const DuplicateCheckViewSchema = wireSchema<{ candidates: DuplicateCandidateView<Date>[] }>()(
  Type.Object({ candidates: Type.Array(DuplicateCandidateViewSchema) }),
);
