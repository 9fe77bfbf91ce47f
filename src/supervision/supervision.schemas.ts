import { Type } from '@sinclair/typebox';
import type { LeaderFollowupView, SupervisionRecordView, SupervisionView } from '../contract/timelimits.js';
import { OrderStateSchema } from '../orders/order-views.schemas.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the 催办, 督办单 and 领导盯办 routes, as src/contract/timelimits.ts declares them.

const Origin = StringEnum(['auto', 'manual'] as const);
const Status = StringEnum(['open', 'responded', 'closed'] as const);

export const UrgedSchema = wireSchema<{ orderId: string; at: Date }>()(Type.Object({ orderId: Type.String(), at: At }));

/** What a 督办单 says and where it stands: in the record and in the list alike. */
const SupervisionProperties = {
  id: Type.String(),
  order_id: Type.String(),
  unit_id: Nullable(Type.String()),
  origin: Origin,
  reason: Type.String(),
  issued_at: At,
  due_at: At,
  status: Status,
  response: Nullable(Type.String()),
  responded_at: Nullable(At),
  closed_at: Nullable(At),
  closing_note: Nullable(Type.String()),
};

export const SupervisionRecordSchema = wireSchema<SupervisionRecordView<Date>>()(
  Type.Object({
    ...SupervisionProperties,
    centre_id: Type.String(),
    deadline_id: Nullable(Type.String()),
    issued_by: Nullable(Type.String()),
    responded_by: Nullable(Type.String()),
    closed_by: Nullable(Type.String()),
  }),
);

export const SupervisionListSchema = wireSchema<{ items: SupervisionView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        ...SupervisionProperties,
        order_no: Type.String(),
        title: Type.String(),
        order_state: OrderStateSchema,
        unit_name: Nullable(Type.String()),
      }),
    ),
  }),
);

export const LeaderFollowupListSchema = wireSchema<{ items: LeaderFollowupView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        order_id: Type.String(),
        order_no: Type.String(),
        title: Type.String(),
        order_state: OrderStateSchema,
        priority: Type.Integer(),
        deadline_due_at: Nullable(At),
        lead_unit_name: Nullable(Type.String()),
        reason: Type.String(),
        origin: Origin,
        added_at: At,
        closed_at: Nullable(At),
      }),
    ),
  }),
);

export const FollowupAddedSchema = wireSchema<{ added: boolean }>()(Type.Object({ added: Type.Boolean() }));
export const FollowupClosedSchema = wireSchema<{ closed: boolean }>()(Type.Object({ closed: Type.Boolean() }));
