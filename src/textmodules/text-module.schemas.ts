import { Type } from '@sinclair/typebox';
import { WrittenText } from '../shared/schema.js';

const NullableId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);

/** A keyword is what follows `::` in a dialog: letters, digits, - and _, or Chinese characters. */
const Keyword = Type.String({ minLength: 1, maxLength: 32, pattern: '^[\\p{L}\\p{N}_-]+$' });

const fields = {
  name: WrittenText(80),
  keyword: Keyword,
  body: WrittenText(4000),
  categoryId: Type.Optional(NullableId),
  unitId: Type.Optional(NullableId),
  active: Type.Optional(Type.Boolean()),
};

export const NewTextModuleSchema = Type.Object(fields, { additionalProperties: false });
export const TextModulePatchSchema = Type.Partial(Type.Object(fields), { additionalProperties: false });
