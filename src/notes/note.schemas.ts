import { Type } from '@sinclair/typebox';
import type { MentionTargetView, NoteAddedView } from '../contract/agent-tools.js';
import { InstantSchema, Nullable, wireSchema } from '../shared/wire-schema.js';
import { StringEnum } from '../shared/schema.js';

// The answers, as src/contract/agent-tools.ts declares them.

export const NoteAddedViewSchema = wireSchema<NoteAddedView<Date>>()(
  Type.Object({
    eventId: Type.Integer(),
    at: InstantSchema,
    notified: Type.Integer(),
    unknown: Type.Array(Type.String()),
    ambiguous: Type.Array(Type.String()),
  }),
);

export const MentionTargetsSchema = wireSchema<{ items: MentionTargetView[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        kind: StringEnum(['user', 'unit'] as const),
        id: Type.String(),
        name: Type.String(),
        detail: Nullable(Type.String()),
      }),
    ),
  }),
);
