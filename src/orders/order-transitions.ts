import type { Role, SystemRole } from '../users/roles.js';
import type { OrderAction } from './order-actions.schemas.js';
import type { OrderState } from './order.constants.js';
import { isInSubtree } from '../shared/subtree.js';
import type { HopState } from '../contract/forwarding.js';

/**
 * The lifecycle as data: for each action, the states it may start from, the state it leads to,
 * who may take it. `scope: 'lead_unit'` means the actor must belong to the order's lead unit or a
 * unit above it. This table is the only place that says which move is legal.
 */
export interface TransitionRule {
  readonly from: readonly OrderState[];
  readonly to: OrderState | 'same';
  readonly roles: readonly Role[];
  /**
   * Narrower roles when the move starts from one of these states: 重办 from a citizen's dissatisfied
   * web rating (待核查) is the supervisor's decision alone, while from 待回访 the operator who made the
   * call may take it too (ADR 0135).
   */
  readonly rolesFrom?: Partial<Record<OrderState, readonly Role[]>>;
  /** System actors allowed this one action (e.g. the citizen portal's web return visit, ADR 0030). */
  readonly systemRoles?: readonly SystemRole[];
  /**
   * Whose move it is: the centre's, the lead unit's, or on a forwarded order (下派, ADR 0115) the
   * holder's (the lead unit, or the sub-unit handling the bottom hop), the bottom hop's receiver's or
   * its forwarder's.
   */
  readonly scope: 'centre' | 'lead_unit' | 'holder' | 'hop_receiver' | 'hop_forwarder';
  /** The order's clock must be in this condition (pausing a paused clock or resuming a running one is no move). */
  readonly clock?: 'running' | 'paused';
  /** The bottom open hop must be in one of these states (hop actions). */
  readonly hop?: readonly HopState[];
  /** A lead-unit move that waits while the order is forwarded down (the replies come back up first). */
  readonly notWhileForwarded?: true;
  /**
   * Which desk may take the move (ADR 0110): `league` = the league centre's staff only (no desk of their
   * own); `held` = the staff of the sub-centre desk that holds the order.
   */
  readonly desk?: 'league' | 'held';
  /** Only on a complex matter (`isComplexMatter`): 阶段性答复 (ADR 0155). */
  readonly complexOnly?: true;
  /** Only on an order the centre answered directly (直办): its sampled return visit (ADR 0202). */
  readonly directOnly?: true;
}

/** The priority the time-limit table calls 疑难复杂件 (15 working days, src/timelimits/default-policies.ts). */
export const COMPLEX_PRIORITY = 4;

/**
 * A complex matter (复杂事项, ADR 0155): taken as 疑难复杂件 (priority 4, the time-limit table's complex
 * class) or a 疑难件 (marked by hand, or after 3 re-handlings or re-dispatches).
 */
export const isComplexMatter = (order: { priority: number; escalated: boolean }) =>
  order.priority >= COMPLEX_PRIORITY || order.escalated;

const INTAKE: Role[] = ['operator', 'dispatcher'];
const DISPATCH: Role[] = ['dispatcher'];
const UNIT: Role[] = ['unit_handler', 'unit_admin'];
const REVIEW: Role[] = ['supervisor'];
const VISIT: Role[] = ['supervisor', 'operator'];

export const TRANSITIONS: Readonly<Record<OrderAction, TransitionRule>> = {
  answer_directly: { from: ['accepted'], to: 'closed', roles: INTAKE, scope: 'centre' },
  reject: { from: ['accepted'], to: 'invalid', roles: INTAKE, scope: 'centre' },
  merge: { from: ['accepted'], to: 'merged', roles: INTAKE, scope: 'centre' },
  unmerge: { from: ['merged'], to: 'accepted', roles: [...INTAKE, 'supervisor'], scope: 'centre' },
  dispatch: { from: ['accepted'], to: 'dispatched', roles: INTAKE, systemRoles: ['catalogue'], scope: 'centre' },
  sign: { from: ['dispatched'], to: 'handling', roles: UNIT, scope: 'lead_unit' },
  request_return: {
    from: ['dispatched', 'handling'],
    to: 'return_requested',
    roles: UNIT,
    scope: 'lead_unit',
    notWhileForwarded: true,
  },
  approve_return: { from: ['return_requested'], to: 'accepted', roles: DISPATCH, scope: 'centre' },
  reject_return: { from: ['return_requested'], to: 'handling', roles: DISPATCH, scope: 'centre' },
  record_contact: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'lead_unit' },
  request_extension: { from: ['handling'], to: 'extension_requested', roles: UNIT, scope: 'lead_unit' },
  approve_extension: { from: ['extension_requested'], to: 'handling', roles: DISPATCH, scope: 'centre' },
  reject_extension: { from: ['extension_requested'], to: 'handling', roles: DISPATCH, scope: 'centre' },
  // A complex matter's interim report instead of the final reply: the order stays in 办理中 (ADR 0121).
  // Only on a complex matter (ADR 0155).
  progress_report: {
    from: ['handling'],
    to: 'same',
    roles: UNIT,
    scope: 'lead_unit',
    clock: 'running',
    notWhileForwarded: true,
    complexOnly: true,
  },
  reply: { from: ['handling'], to: 'replied', roles: UNIT, scope: 'lead_unit', notWhileForwarded: true },
  review_accept: { from: ['replied'], to: 'visiting', roles: REVIEW, scope: 'centre' },
  review_send_back: { from: ['replied'], to: 'handling', roles: REVIEW, scope: 'centre' },
  visit_close: { from: ['visiting'], to: 'closed', roles: VISIT, systemRoles: ['citizen'], scope: 'centre' },
  visit_rehandle: {
    from: ['visiting', 'checking'],
    to: 'handling',
    roles: VISIT,
    rolesFrom: { checking: REVIEW },
    scope: 'centre',
  },
  // A citizen's web rating of 不满意/未解决 never closes the order: it waits for the centre's check (ADR 0135).
  visit_check: { from: ['visiting'], to: 'checking', roles: [], systemRoles: ['citizen'], scope: 'centre' },
  check_close: { from: ['checking'], to: 'closed', roles: REVIEW, scope: 'centre' },
  // A 直办 order's return visit (sampled into the visit queue): it stays closed; one visit per order (ADR 0202).
  direct_visit: { from: ['closed'], to: 'same', roles: VISIT, systemRoles: ['citizen'], scope: 'centre', directOnly: true },
  wait_for_citizen: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'lead_unit', clock: 'running' },
  suspend: { from: ['handling', 'extension_requested'], to: 'same', roles: DISPATCH, scope: 'centre', clock: 'running' },
  // Centre roles resume anything; a unit resumes only inside its subtree (visibility of the order).
  resume_clock: {
    from: ['handling', 'extension_requested'],
    to: 'same',
    roles: [...UNIT, ...DISPATCH],
    scope: 'centre',
    clock: 'paused',
  },
  // Forwarding down the tree (下派, ADR 0115): the order stays 办理中 while its hops move.
  forward: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'holder' },
  hop_sign: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'hop_receiver', hop: ['pending'] },
  hop_reply: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'hop_receiver', hop: ['handling'] },
  hop_return: {
    from: ['handling', 'extension_requested'],
    to: 'same',
    roles: UNIT,
    scope: 'hop_receiver',
    hop: ['pending', 'handling'],
  },
  hop_accept: { from: ['handling', 'extension_requested'], to: 'same', roles: UNIT, scope: 'hop_forwarder', hop: ['replied'] },
  hop_send_back: {
    from: ['handling', 'extension_requested'],
    to: 'same',
    roles: UNIT,
    scope: 'hop_forwarder',
    hop: ['replied'],
  },
  // Sub-centres (ADR 0110): only an order still waiting for dispatch changes desk; the league sends it
  // to a sub-centre (or across to another), the sub-centre hands it back up with a reason.
  route_to_desk: { from: ['accepted'], to: 'same', roles: DISPATCH, scope: 'centre', desk: 'league' },
  hand_up: { from: ['accepted'], to: 'same', roles: DISPATCH, scope: 'centre', desk: 'held' },
};

export type TransitionCheck =
  | { ok: true; to: OrderState }
  | {
      ok: false;
      reason: 'state' | 'role' | 'unit' | 'clock' | 'league_desk' | 'held_desk' | 'hop' | 'no_hop' | 'forwarded' | 'not_complex';
    };

/** The open hop at the bottom of a forwarded order's chain: who forwarded it, to whom, where it stands. */
export interface BottomHop {
  state: HopState;
  fromUnitPath: string;
  toUnitPath: string;
}

export interface TransitionSubject {
  state: OrderState;
  /** Path of the lead unit, when the order has one. */
  leadUnitPath: string | null;
  /** A time limit of the order is paused (waiting for the citizen, or suspended). */
  clockPaused: boolean;
  /** The bottom open hop when the order is forwarded down (下派); absent or null when it is not. */
  hop?: BottomHop | null;
  /** The sub-centre desk holding the order; absent or null = the league centre's. */
  deskUnitId?: string | null;
  /** A complex matter (`isComplexMatter`); absent = not complex. */
  complex?: boolean;
  /** Answered directly by the centre (直办); absent = not. */
  handledDirectly?: boolean;
}

export interface TransitionActor {
  roles: readonly Role[];
  systemRole?: SystemRole;
  unitPath: string | null;
  /** The actor's sub-centre desk (actorDesk); absent or null = the league centre's staff. */
  deskUnitId?: string | null;
}

const roleAllowed = (rule: TransitionRule, actor: TransitionActor, state: OrderState) =>
  actor.roles.some((r) => (rule.rolesFrom?.[state] ?? rule.roles).includes(r)) ||
  (actor.systemRole !== undefined && (rule.systemRoles ?? []).includes(actor.systemRole));

/** Pure check of one move; the service turns a failure into the matching error. */
export function checkTransition(subject: TransitionSubject, action: OrderAction, actor: TransitionActor): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(subject.state) || (rule.directOnly && !subject.handledDirectly)) return { ok: false, reason: 'state' };
  if (!roleAllowed(rule, actor, subject.state)) return { ok: false, reason: 'role' };
  const scope = scopeCheck(rule, subject, actor);
  if (scope !== 'ok') return { ok: false, reason: scope };
  if (rule.desk === 'league' && actor.deskUnitId) return { ok: false, reason: 'league_desk' };
  if (rule.desk === 'held' && !(actor.deskUnitId && actor.deskUnitId === subject.deskUnitId)) {
    return { ok: false, reason: 'held_desk' };
  }
  if (rule.clock && (rule.clock === 'paused') !== subject.clockPaused) return { ok: false, reason: 'clock' };
  if (rule.complexOnly && !subject.complex) return { ok: false, reason: 'not_complex' };
  return { ok: true, to: rule.to === 'same' ? subject.state : rule.to };
}

/** Whether the rule's scope lets this actor move now (the unit, and on forwarded orders the hop). */
function scopeCheck(rule: TransitionRule, subject: TransitionSubject, actor: TransitionActor) {
  const at = (path: string | null) => path !== null && actor.unitPath !== null && isInSubtree(path, actor.unitPath);
  const hop = subject.hop ?? null;
  switch (rule.scope) {
    case 'centre':
      return 'ok';
    case 'lead_unit':
      if (!at(subject.leadUnitPath)) return 'unit';
      return rule.notWhileForwarded && hop ? 'forwarded' : 'ok';
    case 'holder':
      if (!hop) return at(subject.leadUnitPath) ? 'ok' : 'unit';
      if (at(hop.toUnitPath)) return hop.state === 'handling' ? 'ok' : 'hop';
      return at(subject.leadUnitPath) || at(hop.fromUnitPath) ? 'forwarded' : 'unit';
    case 'hop_receiver':
    case 'hop_forwarder':
      if (!hop) return 'no_hop';
      if (!at(rule.scope === 'hop_receiver' ? hop.toUnitPath : hop.fromUnitPath)) return 'unit';
      return (rule.hop ?? []).includes(hop.state) ? 'ok' : 'hop';
  }
}

/** The actions a given actor could take on an order now (for buttons on screens). */
export function availableActions(subject: TransitionSubject, actor: TransitionActor): OrderAction[] {
  return (Object.keys(TRANSITIONS) as OrderAction[]).filter((a) => checkTransition(subject, a, actor).ok);
}
