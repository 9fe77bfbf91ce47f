import { Type } from '@sinclair/typebox';
import {
  LINE_MODES,
  WINDOW_LEVELS,
  type LineMode,
  type MergedLineReportView,
  type MergedLineView,
  type RetirementCriterionView,
  type ServiceWindowView,
  type WindowLevel,
} from '../contract/channels.js';
import { OptionalTextOrNull, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

// Literal unions, not StringEnum, in input objects: TypeBox infers Type.Partial over an Unsafe as unknown.
const Level = Type.Union([Type.Literal('centre'), Type.Literal('county')] satisfies { const: WindowLevel }[]);
const Mode = Type.Union([Type.Literal('parallel'), Type.Literal('retired')] satisfies { const: LineMode }[]);

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** A hotline number as dialled: 3–20 digits (12315, 0479-8888888 is typed without the dash). */
const LineNumber = Type.String({ pattern: '^[0-9]{3,20}$', maxLength: 20 });

const windowFields = {
  name: WrittenText(80),
  hall: WrittenText(80),
  level: Level,
  regionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  active: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
export const NewWindowSchema = Type.Object(windowFields, { additionalProperties: false });
export const WindowPatchSchema = Type.Partial(Type.Object(windowFields), { additionalProperties: false });

const lineFields = {
  number: LineNumber,
  name: WrittenText(80),
  formerDepartment: WrittenText(80),
  mode: Mode,
  mergedOn: Day,
  retiredOn: Type.Optional(Type.Union([Day, Type.Null()])),
  note: Type.Optional(OptionalTextOrNull(300)),
};
export const NewLineSchema = Type.Object(lineFields, { additionalProperties: false });
export const LinePatchSchema = Type.Partial(Type.Object(lineFields), { additionalProperties: false });

export const CriterionSchema = Type.Object(
  {
    maxCalls: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '每月来电不超过 / at most this many calls a month' }),
    maxShare: Type.Number({ minimum: 0, maximum: 1, description: '占全部来电比例不超过 (0…1)' }),
    months: Type.Integer({ minimum: 1, maximum: 12, description: '连续月数 / in each of the last N months' }),
  },
  { additionalProperties: false },
);

export const ReportQuerySchema = Type.Object(
  { month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
  { additionalProperties: false },
);

// ---- answers ---------------------------------------------------------------------------------------

export const WindowViewSchema = wireSchema<ServiceWindowView<Date>>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    hall: Type.String(),
    level: StringEnum(WINDOW_LEVELS),
    regionId: Nullable(Type.String()),
    active: Type.Boolean(),
    sort: Type.Number(),
    updatedAt: InstantSchema,
  }),
);
export const WindowListSchema = wireSchema<{ items: ServiceWindowView<Date>[] }>()(
  Type.Object({ items: Type.Array(WindowViewSchema) }),
);

export const LineViewSchema = wireSchema<MergedLineView<Date>>()(
  Type.Object({
    id: Type.String(),
    number: Type.String(),
    name: Type.String(),
    formerDepartment: Type.String(),
    mode: StringEnum(LINE_MODES),
    mergedOn: Type.String(),
    retiredOn: Nullable(Type.String()),
    note: Nullable(Type.String()),
    updatedAt: InstantSchema,
  }),
);
export const LineListSchema = wireSchema<{ items: MergedLineView<Date>[] }>()(Type.Object({ items: Type.Array(LineViewSchema) }));

export const CriterionViewSchema = wireSchema<RetirementCriterionView>()(
  Type.Object({ maxCalls: Type.Number(), maxShare: Type.Number(), months: Type.Number() }),
);

const MonthFields = {
  month: Type.String(),
  offered: Type.Number(),
  answered: Type.Number(),
  answerRate: Nullable(Type.Number()),
  appeals: Type.Number(),
  share: Nullable(Type.Number()),
};

export const LineReportSchema = wireSchema<MergedLineReportView>()(
  Type.Object({
    month: Type.String(),
    criterion: CriterionViewSchema,
    total: Type.Object({
      offered: Type.Number(),
      answered: Type.Number(),
      answerRate: Nullable(Type.Number()),
      appeals: Type.Number(),
    }),
    rows: Type.Array(
      Type.Object({
        ...MonthFields,
        lineId: Nullable(Type.String()),
        number: Type.String(),
        name: Type.String(),
        formerDepartment: Nullable(Type.String()),
        mode: Nullable(StringEnum(LINE_MODES)),
        trend: Type.Array(Type.Object(MonthFields)),
        meetsRetirement: Type.Boolean(),
      }),
    ),
  }),
);
