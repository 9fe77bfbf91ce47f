import { Type, type Static } from '@sinclair/typebox';
import { PhoneSchema } from '../orders/order.schemas.js';

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
