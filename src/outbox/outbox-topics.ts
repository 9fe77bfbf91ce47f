import { Type, type Static, type TLiteral, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ORDER_ACTIONS, ORDER_STATES, ROLES } from '../contract/vocabulary.js';
import { CITIZEN_EVENTS } from '../contract/citizen-notices.js';
import { WEBHOOK_EVENTS } from '../contract/client-webhooks.js';

const Id = Type.String({ minLength: 1 });
/** One of a vocabulary's words, checkable at run time by Value.Check. */
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v) as TLiteral<T>));

/** 通知: an in-app notice for an audience and, when configured, a webhook (src/notifications). */
const NotifyPayload = Type.Object({
  kind: Type.String(),
  centreId: Id,
  orderId: Type.Union([Id, Type.Null()]),
  /** Message key in src/i18n/messages.ts and its variables (rendered at delivery). */
  textKey: Type.String(),
  vars: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  /** The users of a unit (its unit roles) and/or centre users by role. */
  audience: Type.Object({
    unitId: Type.Optional(Type.Union([Id, Type.Null()])),
    centreRoles: Type.Optional(Type.Array(literals(ROLES))),
    /** Named people (an @mention in an internal note). */
    userIds: Type.Optional(Type.Array(Id)),
  }),
  /** Identifies this notification; a repeat with the same key is dropped (idempotent). */
  sourceKey: Type.String(),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

/**
 * EVERY outbox topic and the payload it carries, defined once: producers are type-checked against
 * it when they enqueue, and the dispatcher checks a message's payload against it before the handler
 * runs (a message that does not match is given up with the reason, never half-run).
 */
export const OUTBOX_TOPICS = {
  'order.accepted': Type.Object({ orderId: Id }),
  'order.transitioned': Type.Object({
    orderId: Id,
    action: literals(ORDER_ACTIONS),
    from: literals(ORDER_STATES),
    to: literals(ORDER_STATES),
    version: Type.Integer(),
  }),
  'duplicates.detect': Type.Object({ orderId: Id, centreId: Id }),
  /** 派单目录: dispatch a new order to its exact catalogue hit, if nobody has dispatched it (ADR 0126). */
  'catalogue.auto_dispatch': Type.Object({ orderId: Id, centreId: Id, ruleId: Id }),
  'timelimit.check': Type.Object({ orderId: Id }),
  notify: NotifyPayload,
  /**
   * 群众通知 (issue 16, ADR 0177): an event the citizen may be told about; the handler renders the
   * centre's templates into one delivery record per channel (key + channel is its idempotency key).
   */
  'citizen.event': Type.Object({
    centreId: Id,
    orderId: Type.Union([Id, Type.Null()]),
    event: literals(CITIZEN_EVENTS),
    key: Type.String({ minLength: 1 }),
    /** A number not (yet) on an order: a verification code's. */
    phone: Type.Optional(Type.String()),
    urgent: Type.Optional(Type.Boolean()),
    /** Words the event brings besides the order's (a one-time link, a code). */
    vars: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
  /** Send one delivery record through its channel's provider (retries with backoff; rate limited per provider). */
  'citizen.send': Type.Object({
    noticeId: Type.Integer({ minimum: 1 }),
    /** The order the notice is about: its notices go one after another, in order (receipt before 已派单). */
    orderId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  }),
  /**
   * Signed webhooks for outside systems (ADR 0182): one delivery of one event to one subscription of
   * an API client; the body is built when the step commits, signed at each attempt.
   */
  'client.webhook': Type.Object({
    webhookId: Id,
    deliveryId: Id,
    event: literals([...WEBHOOK_EVENTS, 'ping'] as const),
    orderId: Type.Union([Id, Type.Null()]),
    body: Type.Record(Type.String(), Type.Unknown()),
  }),
  'webhook.deliver': Type.Object({
    event: Type.String(),
    centreId: Id,
    orderId: Type.Union([Id, Type.Null()]),
    text: Type.Object({ zh: Type.String(), en: Type.String() }),
    data: Type.Record(Type.String(), Type.Unknown()),
    key: Type.String(),
    at: Type.String(),
  }),
} as const satisfies Record<string, TSchema>;

export type OutboxTopic = keyof typeof OUTBOX_TOPICS;
export type OutboxPayload<T extends OutboxTopic> = Static<(typeof OUTBOX_TOPICS)[T]>;
export type NotifyMessage = OutboxPayload<'notify'>;

/** A side effect to write with a change: topic, its payload, and optionally a later start or a dedupe key. */
export type NewOutboxMessage = {
  [T in OutboxTopic]: { topic: T; payload: OutboxPayload<T>; availableAt?: Date; dedupeKey?: string };
}[OutboxTopic];

export const isOutboxTopic = (topic: string): topic is OutboxTopic => Object.hasOwn(OUTBOX_TOPICS, topic);

/** Whether a stored payload is what its topic carries (rows written by older code, or by hand). */
export function checkOutboxPayload<T extends OutboxTopic>(topic: T, payload: unknown): payload is OutboxPayload<T> {
  return Value.Check(OUTBOX_TOPICS[topic], payload);
}

/**
 * Topics recorded for future subscribers and handled by nobody today: the worker retires them (done,
 * with a note) so they do not pile up. Any other topic without a handler in this process is left
 * pending, not retired: during a rolling upgrade an older worker must not swallow the messages of a
 * topic only the newer version handles (e.g. duplicates.detect).
 */
export const EVENT_ONLY_TOPICS: readonly OutboxTopic[] = ['order.accepted', 'order.transitioned'];
