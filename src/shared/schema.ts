import { Type } from '@sinclair/typebox';

/** A string limited to listed values: one `enum` in JSON Schema, a union type in TypeScript. */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
