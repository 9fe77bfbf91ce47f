import { Type } from '@sinclair/typebox';
import type { PresenceAnswerView, PresenceLeftView } from '../contract/agent-tools.js';
import { Nullable, wireSchema } from '../shared/wire-schema.js';

export const PresenceAnswerViewSchema = wireSchema<PresenceAnswerView>()(
  Type.Object({
    others: Type.Array(
      Type.Object({ userId: Type.String(), name: Type.String(), unitName: Nullable(Type.String()), since: Type.String() }),
    ),
  }),
);

export const PresenceLeftViewSchema = wireSchema<PresenceLeftView>()(Type.Object({ left: Type.Literal(true) }));
