import { Type, type Static } from '@sinclair/typebox';
import { StringEnum as lit, OptionalText, WrittenText } from '../shared/schema.js';
import { APPEAL_TYPES, CHANNELS, ORDER_STATES } from './order.constants.js';
import { ORDER_SORTS } from '../contract/orders.js';
import { COMPANY_NAME_MAX } from '../contract/enterprise.js';
import { OffsetSchema } from '../shared/paging.schemas.js';
import { PHONE_PATTERN } from './phone.js';

/** Mainland mobile or landline numbers: 7–20 digits, spaces or dashes between, an optional leading + (stored normalised). */
export const PhoneSchema = Type.String({ pattern: PHONE_PATTERN, maxLength: 30 });

/** 涉企诉求: the company behind the appeal (checked by the enterprise intake hook, ADR 0137). */
export const EnterpriseSchema = Type.Object(
  {
    companyName: WrittenText(COMPANY_NAME_MAX),
    creditCode: Type.String({ maxLength: 30, description: '统一社会信用代码 (GB 32100-2015, 18 characters)' }),
    protectName: Type.Optional(Type.Boolean({ description: '保护企业名称: the handling unit sees the matter without it' })),
  },
  { additionalProperties: false },
);

export const NewOrderSchema = Type.Object(
  {
    channel: lit(CHANNELS),
    sourceNumber: OptionalText(20, { description: '原热线号码（双号并行）' }),
    appealType: lit(APPEAL_TYPES),
    categoryId: Type.Optional(Type.String({ format: 'uuid' })),
    priority: Type.Integer({ minimum: 1, maximum: 4 }),
    title: WrittenText(200),
    content: WrittenText(10000),
    callerName: OptionalText(100),
    callerPhone: Type.Optional(PhoneSchema),
    callerConfidential: Type.Optional(Type.Boolean()),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    address: OptionalText(300),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    enterprise: Type.Optional(EnterpriseSchema),
  },
  { additionalProperties: false },
);
export type NewOrderInput = Static<typeof NewOrderSchema>;

export const OrderListQuerySchema = Type.Object({
  state: Type.Optional(
    Type.String({
      description: 'comma-separated states',
      pattern: `^(${ORDER_STATES.join('|')})(,(${ORDER_STATES.join('|')}))*$`,
    }),
  ),
  leadUnitId: Type.Optional(Type.String({ format: 'uuid', description: 'lead unit: this unit or one below it' })),
  callerPhone: Type.Optional(PhoneSchema),
  escalated: Type.Optional(Type.Boolean()),
  warning: Type.Optional(
    Type.Union([Type.Literal('yellow'), Type.Literal('red')], { description: 'time-limit warning level now (src/timelimits)' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(OffsetSchema),
  sort: Type.Optional(
    Type.Union(
      ORDER_SORTS.map((s) => Type.Literal(s)),
      { description: 'deadline (nearest first), deadline_desc, accepted (newest first), updated (latest first)' },
    ),
  ),
});
export type OrderListQuery = Static<typeof OrderListQuerySchema>;
