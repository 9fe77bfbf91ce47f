import { Type, type Static } from '@sinclair/typebox';
import type { OrderSearchHitView, OrderSearchResultView, TextFragment } from '../contract/orders.js';
import { ORDER_STATES } from '../orders/order.constants.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

export const OrderSearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: '检索词（中文自动分词）/ search words' }),
  state: Type.Optional(
    Type.String({
      description: 'comma-separated states',
      pattern: `^(${ORDER_STATES.join('|')})(,(${ORDER_STATES.join('|')}))*$`,
    }),
  ),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: '主办单位（含下级）/ lead unit subtree' })),
  categoryId: Type.Optional(Type.String({ format: 'uuid', description: '分类（含下级）/ category subtree' })),
  regionId: Type.Optional(Type.String({ format: 'uuid', description: '区域（含下一级）/ region' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 180, default: 0, description: 'ranked window: the 200 most recent matches' }),
  ),
});
export type OrderSearchQuery = Static<typeof OrderSearchQuerySchema>;

const FragmentSchema = wireSchema<TextFragment>()(Type.Object({ text: Type.String(), hit: Type.Boolean() }));
const HighlightSchema = Type.Array(FragmentSchema);

const OrderSearchHitViewSchema = wireSchema<OrderSearchHitView<Date>>()(
  Type.Object({
    id: Type.String(),
    orderNo: Type.String(),
    title: Type.String(),
    state: StringEnum(ORDER_STATES),
    leadUnitId: Nullable(Type.String()),
    categoryId: Nullable(Type.String()),
    regionId: Nullable(Type.String()),
    acceptedAt: InstantSchema,
    rank: Type.Number(),
    highlight: Type.Object({ title: HighlightSchema, content: HighlightSchema }),
  }),
);

export const OrderSearchResultViewSchema = wireSchema<OrderSearchResultView<Date>>()(
  Type.Object({ words: Type.Array(Type.String()), hasMore: Type.Boolean(), items: Type.Array(OrderSearchHitViewSchema) }),
);
