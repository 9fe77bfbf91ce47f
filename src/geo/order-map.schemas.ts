import { Type } from '@sinclair/typebox';
import { MAP_POINTS_DEFAULT, MAP_POINTS_MAX, type OrderMapAnswer, type RegionOutlineView } from '../contract/map.js';
import { ORDER_STATES } from '../contract/vocabulary.js';
import { StringEnum } from '../shared/schema.js';
import { Nullable, wireSchema } from '../shared/wire-schema.js';

export const OrderMapQuery = Type.Object(
  {
    bbox: Type.String({ maxLength: 200, description: 'minLng,minLat,maxLng,maxLat (WGS-84 degrees)' }),
    state: Type.Optional(
      Type.String({
        maxLength: 400,
        description: `comma-separated states (${ORDER_STATES.join(', ')}); default: every open state`,
      }),
    ),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'accepted at or after' })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAP_POINTS_MAX,
        default: MAP_POINTS_DEFAULT,
        description: 'points at most (newest first)',
      }),
    ),
    regionCounts: Type.Optional(Type.Boolean({ description: 'also count the orders per region they name' })),
  },
  { additionalProperties: false },
);

const Position = Type.Array(Type.Number());

export const OrderMapSchema = wireSchema<OrderMapAnswer>()(
  Type.Object({
    points: Type.Array(
      Type.Object({
        id: Type.String(),
        orderNo: Type.String(),
        lat: Type.Number(),
        lng: Type.Number(),
        state: StringEnum(ORDER_STATES),
        overdue: Type.Boolean(),
        title: Nullable(Type.String()),
        confidential: Type.Boolean(),
      }),
    ),
    total: Type.Integer(),
    more: Type.Integer(),
    bbox: Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]),
    bins: Type.Array(Type.Object({ x: Type.Integer(), y: Type.Integer(), count: Type.Integer() })),
    binsPerSide: Type.Integer(),
    regionCounts: Nullable(Type.Array(Type.Object({ regionId: Type.String(), count: Type.Integer() }))),
  }),
);

export const RegionOutlinesSchema = wireSchema<{ items: RegionOutlineView[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        regionId: Type.String(),
        parentId: Nullable(Type.String()),
        name: Type.String(),
        level: Type.Integer(),
        ring: Type.Array(Position),
        label: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
      }),
    ),
  }),
);
