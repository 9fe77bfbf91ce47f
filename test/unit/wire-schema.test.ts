import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { InstantSchema, Nullable, wireSchema } from '../../src/shared/wire-schema.js';

interface View<At = string> {
  id: string;
  at: At;
  note?: string;
  done: boolean | null;
}

// The agreement is checked by the compiler: each @ts-expect-error below must be an error (tsc fails otherwise).
describe('wireSchema<T>()', () => {
  it('accepts a schema that describes the contract type as it travels (Dates as ISO strings)', () => {
    const schema = wireSchema<View<Date>>()(
      Type.Object({ id: Type.String(), at: InstantSchema, note: Type.Optional(Type.String()), done: Nullable(Type.Boolean()) }),
    );
    expect(schema.type).toBe('object');
  });

  it('refuses a missing field, a missing optional field, a wider type and an extra field', () => {
    // @ts-expect-error  `done` is missing
    wireSchema<View<Date>>()(Type.Object({ id: Type.String(), at: InstantSchema, note: Type.Optional(Type.String()) }));
    // @ts-expect-error  the optional `note` is missing (Fastify would drop it from the answer)
    wireSchema<View>()(Type.Object({ id: Type.String(), at: InstantSchema, done: Nullable(Type.Boolean()) }));
    wireSchema<View>()(
      // @ts-expect-error  `done` may be null in the contract
      Type.Object({ id: Type.String(), at: InstantSchema, note: Type.Optional(Type.String()), done: Type.Boolean() }),
    );
    wireSchema<View>()(
      // @ts-expect-error  `extra` is not in the contract
      Type.Object({
        id: Type.String(),
        at: InstantSchema,
        note: Type.Optional(Type.String()),
        done: Nullable(Type.Boolean()),
        extra: Type.Number(),
      }),
    );
    expect(true).toBe(true);
  });
});
