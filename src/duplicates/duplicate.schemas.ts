import { Type, type Static } from '@sinclair/typebox';
import { ORDER_STATES } from '../contract/vocabulary.js';
import { COORD_SYSTEMS, type CoordSystem } from '../contract/geo.js';
import type { DuplicateCandidateView, DuplicateReason, OrderDuplicatesView } from '../contract/orders.js';
import { PhoneSchema } from '../orders/order.schemas.js';
import type { DuplicateRadiusView } from './duplicate-settings.service.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

export const DuplicateCheckSchema = Type.Object(
  {
    title: Type.String({ maxLength: 200 }),
    content: Type.String({ maxLength: 10000 }),
    callerPhone: Type.Optional(Type.Union([PhoneSchema, Type.Literal('')])),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    categoryId: Type.Optional(Type.String({ format: 'uuid', description: 'chooses the nearby radius' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    coordSystem: Type.Optional(
      Type.Union(
        COORD_SYSTEMS.map((c) => Type.Literal<CoordSystem>(c)),
        { description: 'of lat/lng: wgs84 (default), gcj02, bd09' },
      ),
    ),
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
  'nearby',
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
    distanceMetres: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'metres between the two points' }))),
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

const Radius = Type.Integer({ minimum: 10, maximum: 5000, description: '米 / metres' });
export const DefaultRadiusBody = Type.Object({ radiusMetres: Radius }, { additionalProperties: false });
export const CategoryRadiusBody = Type.Object(
  { radiusMetres: Nullable(Radius) },
  { additionalProperties: false, description: 'null: inherit the parent category’s or the centre’s radius' },
);
export const DuplicateRadiusViewSchema = wireSchema<DuplicateRadiusView>()(
  Type.Object({
    defaultRadiusMetres: Type.Integer(),
    categories: Type.Array(
      Type.Object({ categoryId: Type.String(), code: Type.String(), name: Type.String(), radiusMetres: Type.Integer() }),
    ),
  }),
);
