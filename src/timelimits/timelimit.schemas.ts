import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../shared/schema.js';
import { APPEAL_TYPES } from '../orders/order.constants.js';
import { LIMIT_UNITS, STAGES } from './default-policies.js';

export const PolicyCreateSchema = Type.Object(
  {
    stage: StringEnum(STAGES),
    appealType: Type.Optional(Type.Union([StringEnum(APPEAL_TYPES), Type.Null()])),
    priority: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 4 }), Type.Null()])),
    categoryId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    amount: Type.Integer({ minimum: 0 }),
    unit: StringEnum(LIMIT_UNITS),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PolicyCreate = Static<typeof PolicyCreateSchema>;

export const PolicyUpdateSchema = Type.Object(
  {
    amount: Type.Integer({ minimum: 0 }),
    unit: StringEnum(LIMIT_UNITS),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const EscalationSettingsSchema = Type.Object(
  {
    yellowShare: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: '0.75 = yellow at 75 % of the time used' }),
    urgeShare: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
    superviseAfterWorkingDays: Type.Integer({ minimum: 0, maximum: 30 }),
    supervisionDueWorkingDays: Type.Integer({ minimum: 0, maximum: 30 }),
    // Optional: a client that predates them keeps the centre's current values (ADRs 0120, 0121).
    assistWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    progressWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  { additionalProperties: false },
);

export const PresetSchema = Type.Object({ categoryId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export { IdParam, OrderRefParam as OrderParam } from '../shared/schema.js';
