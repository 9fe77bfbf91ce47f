import { Type, type Static } from '@sinclair/typebox';
import { BULK_ACTIONS, BULK_MAX_ORDERS, QUEUE_COLUMNS, QUEUE_NAMES, URGE_NOTE_MAX } from '../contract/queues.js';
import { OrderListQuerySchema } from '../orders/order.schemas.js';
import { WrittenText } from '../shared/schema.js';

const strict = { additionalProperties: false };
const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const QueueParam = Type.Object({ queue: oneOf(QUEUE_NAMES) });
export const QueueFilterParam = Type.Object({ queue: oneOf(QUEUE_NAMES), id: Type.String({ format: 'uuid' }) });

/** A saved filter keeps the list filters only: no paging, and never a caller's number (personal data). */
export const SavedFilterQuerySchema = Type.Omit(OrderListQuerySchema, ['limit', 'offset', 'callerPhone'], strict);

export const NewSavedFilterSchema = Type.Object({ name: WrittenText(40), query: SavedFilterQuerySchema }, strict);
export type NewSavedFilter = Static<typeof NewSavedFilterSchema>;

export const QueueColumnsSchema = Type.Object(
  { columns: Type.Array(oneOf(QUEUE_COLUMNS), { minItems: 1, maxItems: QUEUE_COLUMNS.length, uniqueItems: true }) },
  strict,
);

const Uuid = Type.String({ format: 'uuid' });

export const BulkRequestSchema = Type.Object(
  {
    action: oneOf(BULK_ACTIONS),
    orders: Type.Array(Type.Object({ id: Uuid, version: Type.Integer({ minimum: 0 }) }, strict), {
      minItems: 1,
      maxItems: BULK_MAX_ORDERS,
    }),
    /** dispatch: the one lead unit (and assisting units) every order goes to. */
    leadUnitId: Type.Optional(Uuid),
    assistUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
    instructions: Type.Optional(Type.String({ maxLength: 2000 })),
    /** urge: the reminder's text; sign and dispatch: an optional note on each timeline event. */
    note: Type.Optional(WrittenText(URGE_NOTE_MAX)),
  },
  strict,
);
export type BulkRequest = Static<typeof BulkRequestSchema>;
