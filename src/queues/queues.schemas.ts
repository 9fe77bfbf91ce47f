import { Type, type Static } from '@sinclair/typebox';
import { ORDER_SORTS } from '../contract/orders.js';
import {
  BULK_ACTIONS,
  BULK_MAX_ORDERS,
  QUEUE_COLUMNS,
  QUEUE_NAMES,
  URGE_NOTE_MAX,
  type BulkResultView,
  type QueueColumnsView,
  type SavedFilterListView,
  type SavedFilterView,
} from '../contract/queues.js';
import { OrderListQuerySchema } from '../orders/order.schemas.js';
import { OptionalText, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

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
    instructions: OptionalText(2000),
    /** urge: the reminder's text; sign and dispatch: an optional note on each timeline event. */
    note: Type.Optional(WrittenText(URGE_NOTE_MAX)),
  },
  strict,
);
export type BulkRequest = Static<typeof BulkRequestSchema>;

// The answers, as src/contract/queues.ts declares them.

const SavedFilterViewSchema = wireSchema<SavedFilterView<Date>>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    query: Type.Object({
      state: Type.Optional(Type.String()),
      warning: Type.Optional(StringEnum(['yellow', 'red'] as const)),
      escalated: Type.Optional(Type.Boolean()),
      leadUnitId: Type.Optional(Type.String()),
      q: Type.Optional(Type.String()),
      from: Type.Optional(Type.String()),
      to: Type.Optional(Type.String()),
      sort: Type.Optional(StringEnum(ORDER_SORTS)),
    }),
    createdAt: InstantSchema,
  }),
);
export const SavedFilterSchemas = {
  one: SavedFilterViewSchema,
  list: wireSchema<SavedFilterListView<Date>>()(Type.Object({ items: Type.Array(SavedFilterViewSchema) })),
};

export const QueueColumnsViewSchema = wireSchema<QueueColumnsView>()(
  Type.Object({ columns: Nullable(Type.Array(StringEnum(QUEUE_COLUMNS))) }),
);

const Reason = Type.Object({ zh: Type.String(), en: Type.String() });
export const BulkResultViewSchema = wireSchema<BulkResultView>()(
  Type.Object({
    action: StringEnum(BULK_ACTIONS),
    okCount: Type.Number(),
    refusedCount: Type.Number(),
    results: Type.Array(
      Type.Union([
        Type.Object({
          orderId: Type.String(),
          orderNo: Nullable(Type.String()),
          ok: Type.Literal(true),
          version: Nullable(Type.Number()),
        }),
        Type.Object({
          orderId: Type.String(),
          orderNo: Nullable(Type.String()),
          ok: Type.Literal(false),
          code: Type.String(),
          reason: Reason,
        }),
      ]),
    ),
  }),
);
export { NoContent } from '../shared/wire-schema.js';
