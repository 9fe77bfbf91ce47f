import { Type } from '@sinclair/typebox';
import { ASSIST_OPINION_MAX } from '../contract/assist.js';
import { OrderRef, WrittenText } from '../shared/schema.js';

const strict = { additionalProperties: false };

/** `/api/orders/:id/assist-tasks/:taskId/…`: the order by id or number, the task by id. */
export const TaskParams = Type.Object({ id: OrderRef(), taskId: Type.String({ format: 'uuid' }) });

export const OpinionBody = Type.Object({ opinion: WrittenText(ASSIST_OPINION_MAX) }, strict);

/** 催办协办: a note is optional (the notice names the order and the deadline). */
export const UrgeBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict);
