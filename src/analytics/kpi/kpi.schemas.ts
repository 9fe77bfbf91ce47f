import { Type, type Static } from '@sinclair/typebox';
import { APPEAL_TYPES, CHANNELS } from '../../orders/order.constants.js';
import { StringEnum as lit } from '../../shared/schema.js';
import { GROUP_BYS } from './kpi-grouping.js';

const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const KpiQuerySchema = Type.Object(
  {
    from: Day('first local day, inclusive (YYYY-MM-DD)'),
    to: Day('last local day, inclusive (YYYY-MM-DD)'),
    groupBy: Type.Optional(
      lit(GROUP_BYS, {
        description:
          'centre (default), unit, region, category, channel, line (hotline number dialled), client (the API client that submitted; none = every other order and the calls), appealType, day, week, month',
      }),
    ),
    unitId: Type.Optional(
      Type.String({ format: 'uuid', description: 'this unit with its sub-units; groupBy=unit lists its children' }),
    ),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    categoryId: Type.Optional(Type.String({ format: 'uuid' })),
    channel: Type.Optional(lit(CHANNELS)),
    line: Type.Optional(Type.String({ pattern: '^[0-9]{3,20}$', description: 'hotline number dialled: 12345 or a merged line' })),
    appealType: Type.Optional(lit(APPEAL_TYPES)),
  },
  { additionalProperties: false },
);
export type KpiQueryInput = Static<typeof KpiQuerySchema>;
