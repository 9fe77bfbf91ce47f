import { Type, type Static } from '@sinclair/typebox';
import { OptionalTextOrNull, StringEnum } from '../shared/schema.js';
import { APPEAL_TYPES } from '../orders/order.constants.js';
import { LIMIT_UNITS, STAGES } from './default-policies.js';
import type {
  DeadlineExplanationView,
  EscalationSettings,
  LimitRule,
  PolicyView,
  PresetRulesView,
  TimeLimitPolicyRow,
} from '../contract/timelimits.js';
import { DEADLINE_VIEW_PROPERTIES, OrderStateSchema } from '../orders/order-views.schemas.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

export const PolicyCreateSchema = Type.Object(
  {
    stage: StringEnum(STAGES),
    appealType: Type.Optional(Type.Union([StringEnum(APPEAL_TYPES), Type.Null()])),
    priority: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 4 }), Type.Null()])),
    categoryId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    amount: Type.Integer({ minimum: 0 }),
    unit: StringEnum(LIMIT_UNITS),
    note: OptionalTextOrNull(500),
  },
  { additionalProperties: false },
);
export type PolicyCreate = Static<typeof PolicyCreateSchema>;

export const PolicyUpdateSchema = Type.Object(
  {
    amount: Type.Integer({ minimum: 0 }),
    unit: StringEnum(LIMIT_UNITS),
    note: OptionalTextOrNull(500),
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

// The answers, as src/contract/timelimits.ts declares them.

const TimeLimitPolicyRowSchema = wireSchema<TimeLimitPolicyRow<Date>>()(
  Type.Object({
    id: Type.String(),
    centre_id: Type.String(),
    stage: StringEnum(STAGES),
    appeal_type: Nullable(Type.String()),
    priority: Nullable(Type.Number()),
    category_id: Nullable(Type.String()),
    amount: Type.Number(),
    unit: StringEnum(LIMIT_UNITS),
    note: Nullable(Type.String()),
    active: Type.Boolean(),
    updated_by: Nullable(Type.String()),
    updated_at: InstantSchema,
  }),
);

const EscalationSettingsViewSchema = wireSchema<EscalationSettings>()(
  Type.Object({
    yellowShare: Type.Number(),
    urgeShare: Type.Number(),
    superviseAfterWorkingDays: Type.Number(),
    supervisionDueWorkingDays: Type.Number(),
    assistWorkingDays: Type.Number(),
    progressWorkingDays: Type.Number(),
  }),
);

const LimitRuleSchema = wireSchema<LimitRule>()(
  Type.Object({
    stage: StringEnum(STAGES),
    appealType: Nullable(Type.String()),
    priority: Nullable(Type.Number()),
    categoryId: Nullable(Type.String()),
    amount: Type.Number(),
    unit: StringEnum(LIMIT_UNITS),
    note: Nullable(Type.String()),
  }),
);

export const TimeLimitViewSchemas = {
  policies: wireSchema<PolicyView<Date>>()(
    Type.Object({
      rules: Type.Array(TimeLimitPolicyRowSchema),
      defaults: Type.Array(LimitRuleSchema),
      settings: EscalationSettingsViewSchema,
    }),
  ),
  rule: TimeLimitPolicyRowSchema,
  presetRules: wireSchema<PresetRulesView<Date>>()(Type.Object({ rules: Type.Array(TimeLimitPolicyRowSchema) })),
  settings: EscalationSettingsViewSchema,
  explanation: wireSchema<DeadlineExplanationView<Date>>()(
    Type.Object({
      orderId: Type.String(),
      orderNo: Type.String(),
      state: OrderStateSchema,
      timezone: Type.String(),
      nowLocal: Type.String(),
      deadlines: Type.Array(Type.Object({ ...DEADLINE_VIEW_PROPERTIES, startedLocal: Type.String(), dueLocal: Type.String() })),
    }),
  ),
};
export { NoContent } from '../shared/wire-schema.js';
