import { Type } from '@sinclair/typebox';
import type { CheckQueueView } from '../contract/checks.js';
import { SATISFACTION } from '../contract/vocabulary.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

/** GET /api/checks, as src/contract/checks.ts declares it. */
export const CheckQueueViewSchema = wireSchema<CheckQueueView<Date>>()(
  Type.Object({
    rows: Type.Array(
      Type.Object({
        orderId: Type.String(),
        orderNo: Type.String(),
        version: Type.Integer(),
        title: Type.String(),
        appealType: Type.String(),
        leadUnitName: Nullable(Type.String()),
        satisfaction: Nullable(StringEnum(SATISFACTION)),
        resolved: Nullable(Type.Boolean()),
        comment: Nullable(Type.String()),
        ratedAt: At,
        replyText: Nullable(Type.String()),
        rehandleCount: Type.Integer(),
        escalated: Type.Boolean(),
      }),
    ),
    total: Type.Integer(),
    deskUnitId: Nullable(Type.String()),
  }),
);
