import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum, WrittenText } from '../shared/schema.js';
import { CONSULT_UNITS_MAX, INSTRUCTION_STATUSES, LEADER_TEXT_MAX } from '../contract/leaders.js';
import { ORDER_STATES } from '../contract/vocabulary.js';

// Request bodies: what a leader or unit writes (blanks refused, the field named).
const strict = { additionalProperties: false };
export const CaseBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, strict);
export const InstructionBody = Type.Object({ text: WrittenText(LEADER_TEXT_MAX) }, strict);
export const AnswerBody = Type.Object({ answer: WrittenText(LEADER_TEXT_MAX) }, strict);
export const DifficultBody = Type.Object({ reason: WrittenText(2000) }, strict);
export const ConsultationBody = Type.Object(
  {
    topic: WrittenText(LEADER_TEXT_MAX),
    unitIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: CONSULT_UNITS_MAX }),
  },
  strict,
);
export const OpinionBody = Type.Object({ opinion: WrittenText(LEADER_TEXT_MAX) }, strict);
export const ConclusionBody = Type.Object({ conclusion: WrittenText(LEADER_TEXT_MAX) }, strict);
export const SettingsBody = Type.Object({ leadersMayUrge: Type.Boolean(), leadersMaySupervise: Type.Boolean() }, strict);
export const InstructionQuery = Type.Object({
  orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  /** One status or several, comma-separated (the unit's tab asks for open,acknowledged). */
  status: Type.Optional(Type.String({ pattern: `^(${INSTRUCTION_STATUSES.join('|')})(,(${INSTRUCTION_STATUSES.join('|')}))*$` })),
});
export const ConsultationQuery = Type.Object({
  orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  pending: Type.Optional(Type.Boolean()),
});

// Responses: the contract's views (src/contract/leaders.ts) as JSON Schema, so the serializer
// writes exactly these fields and OpenAPI documents them. Instants leave as ISO strings.
const At = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String();

export const LeaderCaseOut = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  title: Type.String(),
  orderState: StringEnum(ORDER_STATES),
  escalated: Type.Boolean(),
  leadUnitName: Nullable(Type.String()),
  deadlineDueAt: Nullable(At),
  leaderId: Id,
  leaderName: Type.String(),
  note: Nullable(Type.String()),
  takenAt: At,
  endedAt: Nullable(At),
  openInstructions: Type.Integer(),
});

export const InstructionOut = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  title: Type.String(),
  unitId: Id,
  unitName: Type.String(),
  leaderId: Id,
  leaderName: Type.String(),
  text: Type.String(),
  issuedAt: At,
  status: StringEnum(INSTRUCTION_STATUSES),
  acknowledgedAt: Nullable(At),
  acknowledgedByName: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(At),
  answeredByName: Nullable(Type.String()),
});

export const ConsultationOut = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  title: Type.String(),
  topic: Type.String(),
  openedById: Id,
  openedByName: Type.String(),
  openedAt: At,
  conclusion: Nullable(Type.String()),
  concludedAt: Nullable(At),
  units: Type.Array(
    Type.Object({
      unitId: Id,
      unitName: Type.String(),
      opinion: Nullable(Type.String()),
      opinionAt: Nullable(At),
      opinionByName: Nullable(Type.String()),
    }),
  ),
});

export const SettingsOut = Type.Object({ leadersMayUrge: Type.Boolean(), leadersMaySupervise: Type.Boolean() });
export const DifficultOut = Type.Object({ orderId: Id, escalated: Type.Boolean(), changed: Type.Boolean() });
export const EndedOut = Type.Object({ ended: Type.Boolean() });
export const ItemsOf = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
