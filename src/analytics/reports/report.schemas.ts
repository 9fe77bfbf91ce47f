import { Type } from '@sinclair/typebox';
import { MONTH_PATTERN } from '../period.js';

export const MonthlyReportQuerySchema = Type.Object(
  {
    month: Type.String({ pattern: MONTH_PATTERN, description: '月份 YYYY-MM' }),
    unitId: Type.Optional(Type.String({ format: 'uuid', description: '单位报告（含下级单位）' })),
  },
  { additionalProperties: false },
);
