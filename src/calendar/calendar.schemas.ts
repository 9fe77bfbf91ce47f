import { Type } from '@sinclair/typebox';
import type { CalendarMonthView, CalendarOverrideView, DayInfo, DayReason } from '../contract/timelimits.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the calendar routes, as src/contract/timelimits.ts declares them.

const DAY_REASONS = [
  'workday',
  'weekend',
  'statutory_holiday',
  'makeup_workday',
  'centre_holiday',
  'centre_workday',
] as const satisfies readonly DayReason[];

export const DayInfoSchema = wireSchema<DayInfo>()(
  Type.Object({
    date: Type.String(),
    working: Type.Boolean(),
    reason: StringEnum(DAY_REASONS),
    name: Nullable(Type.String()),
    covered: Type.Boolean(),
  }),
);

export const CalendarMonthViewSchema = wireSchema<CalendarMonthView>()(
  Type.Object({
    month: Type.String(),
    timezone: Type.String(),
    workPeriods: Type.String(),
    coveredYears: Type.Array(Type.Integer()),
    days: Type.Array(DayInfoSchema),
  }),
);

export const CalendarOverridesSchema = wireSchema<{ items: CalendarOverrideView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({ day: Type.String(), working: Type.Boolean(), name: Type.String(), updated_at: InstantSchema }),
    ),
  }),
);

export const OverrideRemovedSchema = wireSchema<{ removed: boolean; day: DayInfo }>()(
  Type.Object({ removed: Type.Boolean(), day: DayInfoSchema }),
);

export const WorkPeriodsSchema = wireSchema<{ workPeriods: string }>()(Type.Object({ workPeriods: Type.String() }));
