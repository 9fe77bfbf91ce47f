import { Type } from '@sinclair/typebox';
import { ASSIST_OPINION_MAX, ASSIST_STATES, type AssistTaskWithActions, type OrderAssistView } from '../contract/assist.js';
import { OptionalText, OrderRef, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const strict = { additionalProperties: false };

/** `/api/orders/:id/assist-tasks/:taskId/…`: the order by id or number, the task by id. */
export const TaskParams = Type.Object({ id: OrderRef(), taskId: Type.String({ format: 'uuid' }) });

export const OpinionBody = Type.Object({ opinion: WrittenText(ASSIST_OPINION_MAX) }, strict);

/** 催办协办: a note is optional (the notice names the order and the deadline). */
export const UrgeBody = Type.Object({ note: OptionalText(2000) }, strict);

// The answers, as src/contract/assist.ts declares them.

export const AssistTaskSchema = wireSchema<AssistTaskWithActions<Date>>()(
  Type.Object({
    id: Type.String(),
    orderId: Type.String(),
    orderNo: Type.String(),
    orderTitle: Type.String(),
    orderState: Type.String(),
    unitId: Type.String(),
    unitName: Type.String(),
    state: StringEnum(ASSIST_STATES),
    assignedAt: At,
    dueAt: At,
    signedAt: Nullable(At),
    opinion: Nullable(Type.String()),
    submittedAt: Nullable(At),
    late: Type.Boolean(),
    urgeCount: Type.Integer(),
    lastUrgedAt: Nullable(At),
    can: Type.Object({ sign: Type.Boolean(), opinion: Type.Boolean(), urge: Type.Boolean() }),
  }),
);

export const AssistTasksSchema = wireSchema<OrderAssistView<Date>>()(Type.Object({ items: Type.Array(AssistTaskSchema) }));
