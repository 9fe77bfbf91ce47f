import { Type } from '@sinclair/typebox';

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
