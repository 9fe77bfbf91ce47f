import { Type, type Static } from '@sinclair/typebox';
import { MONTH_PATTERN } from '../period.js';
import { OptionalText, OrderRef, WrittenText } from '../../shared/schema.js';

export const Month = Type.String({ pattern: MONTH_PATTERN, description: '考核月份 YYYY-MM' });
export const MonthParams = Type.Object({ month: Month });

export const ConfigSchema = Type.Object(
  {
    indicators: Type.Array(
      Type.Object({
        key: Type.String({ minLength: 1, maxLength: 40 }),
        weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
      }),
      { minItems: 1, maxItems: 10 },
    ),
    deductions: Type.Object({
      overdue: Type.Number({ minimum: 0, maximum: 100 }),
      return: Type.Number({ minimum: 0, maximum: 100 }),
      rehandle: Type.Number({ minimum: 0, maximum: 100 }),
    }),
    basicSatisfiedWeight: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type ConfigInput = Static<typeof ConfigSchema>;

export const ExclusionSchema = Type.Object({ orderId: OrderRef(), reason: WrittenText(2000) }, { additionalProperties: false });

export const AppealSchema = ExclusionSchema;

export const DecisionSchema = Type.Object({ accept: Type.Boolean(), note: OptionalText(2000) }, { additionalProperties: false });

export const HistoryQuerySchema = Type.Object(
  {
    toMonth: Month,
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const AppealListQuerySchema = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });
