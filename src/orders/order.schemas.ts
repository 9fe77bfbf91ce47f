import { Type, type Static } from '@sinclair/typebox';
import { StringEnum as lit, OptionalText, WrittenText } from '../shared/schema.js';
import { APPEAL_TYPES, CHANNELS, ORDER_STATES } from './order.constants.js';
import { ORDER_SORTS } from '../contract/orders.js';
import { COORD_SYSTEMS } from '../contract/geo.js';
import { COMPANY_NAME_MAX } from '../contract/enterprise.js';
import { OffsetSchema } from '../shared/paging.schemas.js';
import { PHONE_PATTERN } from './phone.js';
import { CITIZEN_LANGS, EMAIL_PATTERN, SWITCHABLE_CITIZEN_EVENTS } from '../contract/citizen-notices.js';

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

/**
 * 群众通知 at intake (issue 16): the caller's SMS consent and e-mail (the fields of PUT
 * /api/orders/:id/citizen-contact), written with the order so the 受理回执 is composed knowing them.
 */
export const IntakeContactSchema = Type.Object(
  {
    sms: Type.Optional(Type.Boolean({ description: '同意短信通知 (false: no SMS notice about this appeal)' })),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 200, pattern: EMAIL_PATTERN }), Type.Null()])),
    lang: Type.Optional(lit(CITIZEN_LANGS)),
    consent: Type.Optional(
      Type.Union([Type.Array(lit(SWITCHABLE_CITIZEN_EVENTS), { maxItems: 20 }), Type.Null()], {
        description: 'events a confidential caller agreed to hear about',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NewOrderSchema = Type.Object(
  {
    channel: lit(CHANNELS),
    sourceNumber: OptionalText(20, { description: '拨打的热线号码: 12345 或原热线号码（双号并行）; phone only' }),
    windowId: Type.Optional(
      Type.String({ format: 'uuid', description: '办不成事反映窗口 (channel window only; GET /api/service-windows)' }),
    ),
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
    coordSystem: Type.Optional(lit(COORD_SYSTEMS, { description: '坐标系 of lat/lng (stored as WGS-84)' })),
    enterprise: Type.Optional(EnterpriseSchema),
    citizenContact: Type.Optional(IntakeContactSchema),
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
