import type { Readable } from 'node:stream';
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * Response schemas that state the contract the web imports (issue 12). A route's response schema is
 * written in TypeBox (Fastify serialises with it and OpenAPI shows it), the shape itself is a type in
 * src/contract/; `wireSchema<T>()(schema)` refuses to compile unless the schema describes exactly T as
 * it travels (Dates become ISO strings), so the two cannot drift apart.
 */

/** A server value after JSON: a Date is an ISO string, arrays and objects keep their shape (made mutable). */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? Wire<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Wire<T[K]> }
      : T;

/** Type identity, not mere assignability: a missing optional field or a wider type is a difference too. */
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** The schema itself when it agrees with the contract type; else a type that names both sides in the error. */
// Both sides through Wire: a nested wireSchema is typed as its server value (with Dates).
type Agreeing<S extends TSchema, T> =
  Same<Wire<Static<S>>, Wire<T>> extends true
    ? S
    : S & { 'schema and contract differ': { contract: Wire<T>; schema: Wire<Static<S>> } };

/**
 * `wireSchema<OrderView<Date>>()(Type.Object({...}))`: the schema, typed as the server's value T so the
 * handler's return type is checked against it as well. Curried because T is named and S inferred.
 */
export const wireSchema =
  <T>() =>
  <S extends TSchema>(schema: Agreeing<S, T>): TUnsafe<T> =>
    schema as unknown as TUnsafe<T>;

/** An instant: a Date on the server, an ISO string on the wire. */
export const InstantSchema = Type.String({ format: 'date-time' });

/** `T | null`. */
export const Nullable = <S extends TSchema>(schema: S) => Type.Union([schema, Type.Null()]);

/** Words in both languages (src/contract/labels.ts `Words`). */
export const WordsSchema = Type.Object({ zh: Type.String(), en: Type.String() });

/** A 204 answer: nothing (`reply.status(204).send()`). */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: '无内容 / no content' });

/** A file or document the route sends as it is (CSV, XLSX, HTML, a photo): bytes, not JSON. */
export const FileSchema = (description: string) =>
  Type.Unsafe<Readable | Buffer | string>({ type: 'string', format: 'binary', description });

/** A server-sent event stream (`text/event-stream`) the route writes itself: documented, never serialised. */
export const EventStreamSchema = (description: string) =>
  Type.Unsafe<never>({ type: 'string', description: `text/event-stream: ${description}` });
