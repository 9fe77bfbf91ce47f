import { Type } from '@sinclair/typebox';
import {
  TEXT_MODULE_DIALOGS,
  type FilledTextModuleView,
  type TextModuleDialog,
  type TextModuleView,
} from '../contract/agent-tools.js';
import { WrittenText } from '../shared/schema.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';

const NullableId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);

/** A keyword is what follows `::` in a dialog: letters, digits, - and _, or Chinese characters. */
const Keyword = Type.String({ minLength: 1, maxLength: 32, pattern: '^[\\p{L}\\p{N}_-]+$' });

// A literal union, not StringEnum: TypeBox infers an array of Unsafe<T> as unknown[].
const Dialog = Type.Union([Type.Literal('reply'), Type.Literal('review'), Type.Literal('visit')] satisfies {
  const: TextModuleDialog;
}[]);

const fields = {
  name: WrittenText(80),
  keyword: Keyword,
  body: WrittenText(4000),
  categoryId: Type.Optional(NullableId),
  unitId: Type.Optional(NullableId),
  /** Limited to these dialogs; [] = every dialog. */
  dialogs: Type.Optional(Type.Array(Dialog, { uniqueItems: true, maxItems: TEXT_MODULE_DIALOGS.length })),
  active: Type.Optional(Type.Boolean()),
};

export const NewTextModuleSchema = Type.Object(fields, { additionalProperties: false });
export const TextModulePatchSchema = Type.Partial(Type.Object(fields), { additionalProperties: false });

/** GET /api/orders/:id/text-modules?dialog=reply: the dialog asking (absent: a dialog of no kind). */
export const OrderModulesQuery = Type.Object({ dialog: Type.Optional(Dialog) }, { additionalProperties: false });

// The answers, as src/contract/agent-tools.ts declares them.

export const TextModuleViewSchema = wireSchema<TextModuleView<Date>>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    keyword: Type.String(),
    body: Type.String(),
    categoryId: Nullable(Type.String()),
    unitId: Nullable(Type.String()),
    dialogs: Type.Array(Dialog),
    active: Type.Boolean(),
    updatedAt: InstantSchema,
  }),
);

export const TextModuleListSchema = wireSchema<{ items: TextModuleView<Date>[] }>()(
  Type.Object({ items: Type.Array(TextModuleViewSchema) }),
);

export const FilledTextModulesSchema = wireSchema<{ items: FilledTextModuleView[] }>()(
  Type.Object({
    items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), keyword: Type.String(), text: Type.String() })),
  }),
);
