import { Type } from '@sinclair/typebox';
import type { AuditEntryView, AuditSearchView, AuditVerificationView } from '../contract/audit.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

export const AuditQuerySchema = Type.Object({
  person: Type.Optional(Type.String({ maxLength: 60, description: '用户名或姓名（部分）/ username or name, in part' })),
  action: Type.Optional(
    Type.String({
      maxLength: 80,
      pattern: '^[a-zA-Z0-9_.-]*$',
      description: '动作，如 auth.login 或前缀 auth. / action key or prefix',
    }),
  ),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 })),
});

const AuditEntrySchema = wireSchema<AuditEntryView<Date>>()(
  Type.Object({
    id: Type.Integer(),
    at: InstantSchema,
    username: Nullable(Type.String()),
    displayName: Nullable(Type.String()),
    action: Type.String(),
    fields: Type.Array(Type.String()),
    orderNo: Nullable(Type.String()),
    subject: Nullable(Type.String()),
    detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
    chainSeq: Nullable(Type.Integer()),
  }),
);

export const AuditSearchSchema = wireSchema<AuditSearchView<Date>>()(
  Type.Object({ entries: Type.Array(AuditEntrySchema), more: Type.Boolean() }),
);

export const AuditVerificationSchema = wireSchema<AuditVerificationView<Date>>()(
  Type.Object({
    at: Nullable(InstantSchema),
    ok: Nullable(Type.Boolean()),
    rowsChecked: Type.Integer(),
    chains: Type.Array(
      Type.Object({ stream: Type.String(), centre: Type.String(), ok: Type.Boolean(), zh: Type.String(), en: Type.String() }),
    ),
  }),
);
