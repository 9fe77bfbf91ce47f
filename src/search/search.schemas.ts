import { Type, type Static } from '@sinclair/typebox';
import { ORDER_STATES } from '../orders/order.constants.js';

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

const FragmentSchema = Type.Object({ text: Type.String(), hit: Type.Boolean() });
export const HighlightSchema = Type.Array(FragmentSchema);
