import { Type, type Static } from '@sinclair/typebox';
import { OffsetSchema } from '../shared/paging.schemas.js';
import { StringEnum } from '../shared/schema.js';
import type { EnterpriseQueueView } from '../contract/enterprise.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

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

/** GET /api/enterprise/orders, as src/contract/enterprise.ts declares it. */
export const EnterpriseQueueViewSchema = wireSchema<EnterpriseQueueView<Date>>()(
  Type.Object({
    rows: Type.Array(
      Type.Object({
        orderId: Type.String(),
        orderNo: Type.String(),
        title: Type.String(),
        state: Type.String(),
        appealType: Type.String(),
        companyName: Type.String(),
        creditCode: Type.String(),
        protectName: Type.Boolean(),
        leadUnitName: Nullable(Type.String()),
        acceptedAt: At,
        closedAt: Nullable(At),
        satisfaction: Nullable(Type.String()),
      }),
    ),
    total: Type.Integer(),
  }),
);
