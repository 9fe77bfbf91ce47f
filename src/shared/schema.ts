import { Type } from '@sinclair/typebox';
import type { Ajv, FuncKeywordDefinition } from 'ajv';

/** A string limited to listed values: one `enum` in JSON Schema, a union type in TypeScript. */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

/** The JSON-schema pattern of WrittenText, by which a validation error is told to be "blank". */
export const NOT_BLANK_PATTERN = '\\S';

/** What a person writes (a reply, a reason): at least one character that is not white space. */
export const WrittenText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK_PATTERN });

/** Route params `:id` that is a UUID (a unit, a user, a supervision, an article…). */
export const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** An order named by its id or its number (工单编号), as people paste either. */
export const OrderRef = (options: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength: 40, description: '工单 id 或工单编号', ...options });

/** Route params `:id` that is an order's id or number. */
export const OrderRefParam = Type.Object({ id: OrderRef() });

/** The schema keyword by which an optional text typed as only spaces counts as not given (see OptionalText). */
export const BLANK_MEANS_ABSENT = 'x-blank-means-absent';

/**
 * An optional free text (a note, instructions, an address): trimmed, and absent when nothing but white
 * space was typed — forms send '' for an empty field, and a blank is no note. The one place this rule
 * lives for the API: the keyword below, added to the server's Ajv (http/app.ts), applies it while the
 * body is validated, so handlers and services only ever see a real text or nothing.
 */
export const OptionalText = (maxLength: number, options: { description?: string } = {}) =>
  Type.Optional(Type.String({ maxLength, ...options, [BLANK_MEANS_ABSENT]: true }));

/** OptionalText that may also be sent as null (a PUT that clears the text). */
export const OptionalTextOrNull = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength, [BLANK_MEANS_ABSENT]: true }), Type.Null()]));

/** Where Ajv found the value: the object holding it and its key. */
interface DataContext {
  parentData?: Record<string | number, unknown>;
  parentDataProperty?: string | number;
}

/** Ajv keyword (modifying): trims the text in place, or removes the property when it is blank. */
export const blankMeansAbsentKeyword: FuncKeywordDefinition = {
  keyword: BLANK_MEANS_ABSENT,
  // Among the string keywords, so the type is checked first and then the property may go.
  type: 'string',
  modifying: true,
  schemaType: 'boolean',
  validate: (on: boolean, data: unknown, _schema?: unknown, cxt?: DataContext) => {
    if (!on || typeof data !== 'string' || !cxt?.parentData || cxt.parentDataProperty === undefined) return true;
    const trimmed = data.trim();
    if (trimmed === '') delete cxt.parentData[cxt.parentDataProperty];
    else cxt.parentData[cxt.parentDataProperty] = trimmed;
    return true;
  },
};

/** Fastify's `ajv.plugins` entry that adds the keyword. */
export const blankMeansAbsentPlugin = (ajv: Ajv) => ajv.addKeyword(blankMeansAbsentKeyword);
