import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ORDER_ACTIONS, type OrderAction } from '../contract/vocabulary.js';
import { StringEnum as lit, OptionalText, WrittenText } from '../shared/schema.js';
import {
  CHECK_CLOSE_REASONS,
  CITIZEN_VISIT_METHODS,
  CONTACT_METHODS,
  INVALID_REASONS,
  REPLY_RESULTS,
  SATISFACTION,
  VISIT_METHODS,
} from '../contract/vocabulary.js';
const Note = OptionalText(2000);
const Uuid = Type.String({ format: 'uuid' });

/** Body of each action; the same schema validates HTTP input and documents it in OpenAPI. */
export const ACTION_PAYLOADS = {
  answer_directly: Type.Object({
    answer: WrittenText(4000),
    knowledgeArticleId: Type.Optional(Type.String()),
  }),
  reject: Type.Object({
    reason: lit(INVALID_REASONS),
    explanation: WrittenText(2000),
  }),
  merge: Type.Object({ intoOrderId: Uuid }),
  unmerge: Type.Object({ reason: WrittenText(2000) }),
  dispatch: Type.Object({
    leadUnitId: Uuid,
    assistUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
    instructions: OptionalText(2000),
  }),
  sign: Type.Object({}),
  request_return: Type.Object({ reason: WrittenText(2000) }),
  approve_return: Type.Object({}),
  reject_return: Type.Object({ reason: WrittenText(2000) }),
  record_contact: Type.Object({
    method: lit(CONTACT_METHODS),
    summary: WrittenText(2000),
  }),
  request_extension: Type.Object({
    reason: WrittenText(2000),
    newDeadline: Type.String({ format: 'date-time' }),
  }),
  approve_extension: Type.Object({}),
  reject_extension: Type.Object({ reason: WrittenText(2000) }),
  reply: Type.Object({
    result: lit(REPLY_RESULTS),
    text: WrittenText(8000),
  }),
  review_accept: Type.Object({}),
  review_send_back: Type.Object({ reason: WrittenText(2000) }),
  visit_close: Type.Object({
    reached: Type.Boolean(),
    satisfaction: Type.Optional(lit(SATISFACTION)),
    resolved: Type.Optional(Type.Boolean()),
    method: Type.Optional(lit(VISIT_METHODS)),
  }),
  visit_rehandle: Type.Object({
    resolved: Type.Boolean(),
    reason: WrittenText(2000),
    method: Type.Optional(lit(VISIT_METHODS)),
  }),
  // The citizen's own web rating of 不满意/未解决 (the portal sends it; ADR 0135).
  visit_check: Type.Object({
    satisfaction: lit(SATISFACTION),
    resolved: Type.Boolean(),
    /** The portal's look-up (web) or the one-time return-visit link (sms_link, ADR 0202). */
    method: Type.Optional(lit(CITIZEN_VISIT_METHODS)),
  }),
  // 直办件抽样回访 (ADR 0202): a sampled directly-answered order's visit, by phone or by the citizen's link.
  direct_visit: Type.Object({
    reached: Type.Boolean(),
    satisfaction: Type.Optional(lit(SATISFACTION)),
    resolved: Type.Optional(Type.Boolean()),
    method: Type.Optional(lit(VISIT_METHODS)),
  }),
  // The centre's check closes the matter with a reason from the list (and words when it is 其他).
  check_close: Type.Object({
    reason: lit(CHECK_CLOSE_REASONS),
    explanation: WrittenText(2000),
  }),
  // The clock (src/timelimits): waiting on the citizen, or a suspension (中止) the centre approved,
  // pauses the running deadlines; resume_clock restarts them with the time that was left.
  wait_for_citizen: Type.Object({ reason: WrittenText(2000) }),
  suspend: Type.Object({ reason: WrittenText(2000) }),
  resume_clock: Type.Object({}),
  // 阶段性答复 (ADR 0121): what has been done so far and why the matter is not finished yet; the
  // order stays open and the next feedback is due on a new clock.
  progress_report: Type.Object({
    progress: WrittenText(4000),
    reason: WrittenText(2000),
  }),
  // Forwarding down the unit tree (下派, ADR 0115): the hop acted on is the open one at the bottom of the chain.
  // The hop's note is `instructions` (as dispatch's): the envelope's optional `note` stays the step's remark.
  forward: Type.Object({
    toUnitId: Uuid,
    instructions: WrittenText(2000),
    deadline: Type.String({ format: 'date-time' }),
  }),
  hop_sign: Type.Object({}),
  hop_reply: Type.Object({
    result: lit(REPLY_RESULTS),
    text: WrittenText(8000),
  }),
  hop_accept: Type.Object({}),
  hop_send_back: Type.Object({ reason: WrittenText(2000) }),
  hop_return: Type.Object({ reason: WrittenText(2000) }),
  // Sub-centres (ADR 0110): the league's dispatcher routes to a sub-centre's desk; a sub-centre hands up with a reason.
  route_to_desk: Type.Object({ deskUnitId: Uuid }),
  hand_up: Type.Object({ reason: WrittenText(2000) }),
} as const satisfies Record<OrderAction, TSchema>;

export { ORDER_ACTIONS, type OrderAction };
export type ActionPayload<A extends OrderAction> = Static<(typeof ACTION_PAYLOADS)[A]>;

/** Every action also takes the version the user saw, and an optional note. */
export const ActionEnvelope = Type.Object({ version: Type.Integer({ minimum: 1 }), note: Note });
