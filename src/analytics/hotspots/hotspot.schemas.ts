import { Type, type Static } from '@sinclair/typebox';

/** A day (YYYY-MM-DD, centre-local midnight) or a full ISO date-time. */
export const PeriodBound = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'YYYY-MM-DD（中心当地零点）或 ISO 时间',
});

export const HotspotQuerySchema = Type.Object(
  {
    from: PeriodBound,
    to: PeriodBound,
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    minSize: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000, default: 2 })),
  },
  { additionalProperties: false },
);
export type HotspotQuery = Static<typeof HotspotQuerySchema>;
