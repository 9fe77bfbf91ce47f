import { Type } from '@sinclair/typebox';
import { PORTAL_LIMITS } from '../contract/portal.js';
import {
  VISIT_LINK_STATES,
  type DirectSampleListView,
  type VisitLinkListView,
  type VisitLinkPage,
  type VisitLinkRated,
  type VisitLinkView,
} from '../contract/visits.js';
import { SATISFACTION } from '../contract/vocabulary.js';
import { OrderViewSchema } from '../orders/order-views.schemas.js';
import { StringEnum as lit } from '../shared/schema.js';
import { InstantSchema as At, Nullable, WordsSchema, wireSchema } from '../shared/wire-schema.js';

export const VisitLinkViewSchema = wireSchema<VisitLinkView<Date>>()(
  Type.Object({
    id: Type.String(),
    orderId: Type.String(),
    orderNo: Type.String(),
    state: lit(VISIT_LINK_STATES),
    sentAt: At,
    expiresAt: At,
    usedAt: Nullable(At),
    fellBackAt: Nullable(At),
    sentBy: Nullable(Type.String()),
  }),
);

export const VisitLinkListSchema = wireSchema<VisitLinkListView<Date>>()(Type.Object({ items: Type.Array(VisitLinkViewSchema) }));

export const VisitLinkQuery = Type.Object(
  {
    orderId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);

export const DirectSampleListSchema = wireSchema<DirectSampleListView<Date>>()(
  Type.Object({ items: Type.Array(OrderViewSchema) }),
);

/** A token as the SMS carries it; one of another shape (a link cut short) is answered 404 like an unknown one. */
export const VisitTokenParam = Type.Object({ token: Type.String({ minLength: 1, maxLength: 64 }) });

export const VisitLinkRatingSchema = Type.Object(
  {
    satisfaction: lit(SATISFACTION),
    resolved: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: PORTAL_LIMITS.comment })),
  },
  { additionalProperties: false },
);

const ReplySchema = Nullable(
  Type.Object({
    kind: lit(['reply', 'answer', 'not_accepted'] as const),
    result: Nullable(Type.String()),
    text: Nullable(Type.String()),
    reasonText: Nullable(WordsSchema),
    at: At,
  }),
);

export const VisitLinkPageSchema = wireSchema<VisitLinkPage>()(
  Type.Object({
    centreName: Type.String(),
    orderNo: Type.String(),
    title: Type.String(),
    acceptedAt: At,
    reply: ReplySchema,
    expiresAt: At,
  }),
);

export const VisitLinkRatedSchema = wireSchema<VisitLinkRated>()(
  Type.Object({
    orderNo: Type.String(),
    satisfaction: lit(SATISFACTION),
    resolved: Type.Boolean(),
    toCheck: Type.Boolean(),
    stageText: WordsSchema,
  }),
);
