import { Type, type Static } from '@sinclair/typebox';
import { OffsetSchema } from '../shared/paging.schemas.js';
import { StringEnum } from '../shared/schema.js';

export const EnterpriseQueueQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(['open', 'closed', 'all'] as const, { description: 'open (default), closed, all' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(OffsetSchema),
  },
  { additionalProperties: false },
);
export type EnterpriseQueueQueryInput = Static<typeof EnterpriseQueueQuery>;

const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const EnterpriseKpiQuery = Type.Object(
  { from: Day('first local day, inclusive (YYYY-MM-DD)'), to: Day('last local day, inclusive (YYYY-MM-DD)') },
  { additionalProperties: false },
);
