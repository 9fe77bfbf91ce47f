import type { Insertable } from 'kysely';
import type { NonTransitionEventKind } from '../contract/timeline.js';
import type { AppealType, Channel, OrderAction } from '../contract/vocabulary.js';
import type { Executor } from '../db/database.js';
import type { Order, OrderEventsTable } from '../db/schema.js';
import type { Stage } from '../contract/vocabulary.js';
import type { Actor } from '../users/roles.js';
import { insertOrderEvent } from './order-event.repository.js';
import type { IntakeEventFacts } from './order-hooks.js';

/** What the time-limit monitor adds to each of its steps: which clock fired. */
interface MonitorFacts {
  stage: Stage;
  deadlineId: string;
  dueAt: string;
  /** A task's clock (a hop, an assisting task; ADR 0152): the unit that answers for it. */
  unitId?: string;
  unitName?: string;
}
type Origin<O extends 'manual' | 'auto'> = { origin: O };

/**
 * THE catalogue of the timeline (全程可追溯): what each kind of event that is not a state change
 * carries in `order_events.payload`. A transition's event carries its effect's payload
 * (order-transition-effects.ts). The kinds themselves are the contract's (src/contract/timeline.ts),
 * so the web has a label for each.
 */
export interface TimelinePayloads {
  /** Routed at intake (ADR 0193): the desk and why — the catalogue rule's sub-centre or the region's. */
  accept: { channel: Channel; appealType: AppealType; priority: number } & Partial<IntakeEventFacts>;
  /** 'manual': a leader or supervisor marked the order 疑难件 by hand, the reason in the note. */
  escalate: { because: 'rehandles' | 'redispatches' | 'manual' };
  /** A leader or supervisor took the 疑难件 mark off by hand, the reason in the note (ADR 0154). */
  unescalate: { because: 'manual' };
  attach: { attachmentId: string; fileName: string; contentType: string; sizeBytes: number };
  deadline_warning: MonitorFacts & { level: 'yellow' | 'red' };
  urge: Origin<'manual'> | (MonitorFacts & Origin<'auto'>);
  supervise: (Origin<'manual'> | (MonitorFacts & Origin<'auto'>)) & { supervisionId: string; supervisionDueAt: string };
  supervise_response: { supervisionId: string };
  supervise_close: { supervisionId: string };
  leader_followup: Origin<'manual'> | (MonitorFacts & Origin<'auto'> & { supervisionId: string });
  leader_followup_end: Record<string, never>;
  assessment_exclude: { reason: string };
  assessment_appeal: { appealId: string; unitId: string; month: string };
  assessment_appeal_decided: { appealId: string; status: string };
  note: { mentions: { userIds: string[]; unitIds: string[] } };
  // 协办 (ADR 0120): which task and which assisting unit; the opinion itself is the event's note.
  assist_sign: AssistFacts;
  assist_opinion: AssistFacts & { late: boolean };
  assist_urge: AssistFacts;
  leader_case: { caseId: string };
  leader_case_end: { caseId: string };
  instruction: { instructionId: string; unitId: string; unitName: string };
  instruction_ack: { instructionId: string };
  instruction_answer: { instructionId: string };
  /** Re-dispatched: an unanswered 批示 now addressed to the new lead unit, to sign for again (ADR 0154). */
  instruction_moved: { instructionId: string; fromUnitId: string; fromUnitName: string; toUnitId: string; toUnitName: string };
  consult_open: { consultationId: string; unitNames: string[] };
  consult_opinion: { consultationId: string; unitId: string; unitName: string };
  consult_conclude: { consultationId: string };
  /** The outside system's own update id (mySociety update_id) and name; the words are the note. */
  external_comment: { client: string; updateId: string | null; mediaUrl: string | null };
  /** The caller's personal data was erased after `retentionYears` (ADR 0174): which fields, how many text passages. */
  anonymise: { retentionYears: number; fields: string[]; textReplacements: number };
  /** A one-time return-visit link sent to the caller's phone, valid until `expiresAt` (ADR 0202). */
  visit_link_sent: { linkId: string; expiresAt: string };
  /** The link went unanswered until it expired: the order is for a phone visit again. */
  visit_link_fell_back: { linkId: string };
  // 现场核实 (issue 18): the task and its grid; the answer's result, point and distance (far: flagged).
  verify_request: { taskId: string; gridId: string; gridName: string; dueAt: string; byRule: boolean };
  verify_answer: {
    taskId: string;
    gridName: string;
    result: string;
    /** The phone's point (WGS-84); null when the worker's phone gave none (answered without a position). */
    lat: number | null;
    lng: number | null;
    distanceMetres: number | null;
    far: boolean;
    late: boolean;
    photoId: string | null;
  };
}

/** The assisting unit's task a 协办 step concerns. */
interface AssistFacts {
  taskId: string;
  unitId: string;
  unitName: string;
  dueAt: string;
}

// Every non-transition kind of the contract has a payload type here, and nothing else does.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const catalogueMatchesContract: Exactly<keyof TimelinePayloads, NonTransitionEventKind> = true;
void catalogueMatchesContract;

type MonitorKind = 'deadline_warning' | 'urge' | 'supervise' | 'leader_followup';
/** A step of the time-limit monitor: its payload without the facts of the clock, which it adds itself. */
export type MonitorEvent = {
  [K in MonitorKind]: {
    kind: K;
    payload: DistributiveOmit<Extract<TimelinePayloads[K], { origin: 'auto' } | { level: string }>, keyof MonitorFacts>;
  };
}[MonitorKind];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Who took a step: a signed-in person (or channel actor), or the system under a label. */
export type EventAuthor = Actor | { readonly system: string };

/** One step on an order's timeline without a state change, as its capability records it. */
export type OrderEventInput = {
  [K in keyof TimelinePayloads]: {
    kind: K;
    payload: TimelinePayloads[K];
    by: EventAuthor;
    at: Date;
    note?: string | null;
    /** Defaults to the order's state (no change). */
    toState?: Order['state'];
  };
}[keyof TimelinePayloads];

/** The row of any timeline event: the one place that maps an author and a step to the columns. */
export function orderEventRow(
  order: Pick<Order, 'id' | 'centre_id'>,
  step: {
    kind: NonTransitionEventKind | OrderAction;
    by: EventAuthor;
    at: Date;
    fromState: Order['state'] | null;
    toState: Order['state'];
    note?: string | null;
    payload: object;
  },
): Insertable<OrderEventsTable> {
  const person = 'system' in step.by ? null : step.by;
  return {
    order_id: order.id,
    centre_id: order.centre_id,
    action: step.kind,
    from_state: step.fromState,
    to_state: step.toState,
    actor_user_id: person?.userId ?? null,
    actor_unit_id: person?.unitId ?? null,
    actor_label: person ? person.label : 'system' in step.by ? step.by.system : null,
    at: step.at,
    note: step.note ?? null,
    payload: JSON.stringify(step.payload),
  };
}

/**
 * THE writer of timeline events that are not state changes (催办, 督办, attachments, assessment
 * steps, …), in the caller's transaction. Transitions write theirs in transitionOrder, intake in
 * acceptOrder (with its order row), both through orderEventRow.
 */
export async function recordOrderEvent(tx: Executor, order: Pick<Order, 'id' | 'centre_id' | 'state'>, event: OrderEventInput) {
  return insertOrderEvent(
    tx,
    orderEventRow(order, {
      ...event,
      fromState: order.state,
      toState: event.toState ?? order.state,
    }),
  );
}
