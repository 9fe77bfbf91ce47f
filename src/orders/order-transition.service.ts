import { domainError, notFound } from '../shared/errors.js';
import { blankToNull } from '../shared/optional-text.js';
import { findUnit } from '../org/unit.repository.js';
import type { Actor } from '../users/roles.js';
import { actorDesk, actorScope } from '../users/actor-scope.js';
import type { ActionPayload, OrderAction } from './order-actions.schemas.js';
import { insertOrderEvent } from './order-event.repository.js';
import { orderEventRow } from './timeline-events.js';
import { conflict, EFFECTS } from './order-transition-effects.js';
import { checkTransition, isComplexMatter, TRANSITIONS } from './order-transitions.js';
import { findOrder, updateOrderIfVersion } from './order.repository.js';
import { HOP_STATE_LABELS } from '../contract/forwarding.js';
import { EVENT_LABELS } from '../contract/labels.js';
import { listOpenHops } from './order-hop.repository.js';
import { bottomHop, FORWARDABLE_STATES } from './forward.effects.js';
import { enqueueOutbox, type NewOutboxMessage } from '../outbox/outbox.repository.js';
import { runTransitionHooks, type OrderDeps, type TransitionHookContext } from './order-hooks.js';
import type { Order } from '../db/schema.js';

const FORBIDDEN_MESSAGES = {
  role: 'error.forbidden',
  unit: 'error.notLeadUnit',
  league_desk: 'desk.leagueOnly',
  held_desk: 'desk.heldOnly',
} as const;

export interface TransitionRequest<A extends OrderAction> {
  orderId: string;
  action: A;
  /** The version the actor saw; a newer version on the server means a conflict (409). */
  version: number;
  note?: string | null;
  payload: ActionPayload<A>;
  actor: Actor;
}

/**
 * The one function that changes an order's state. In one transaction: check the move against the
 * table, run the action's effect, update the order only if its state and version are still those the
 * actor saw, and write the timeline event and an outbox message. Anything failing rolls all back.
 */
export async function transitionOrder<A extends OrderAction>(deps: OrderDeps, req: TransitionRequest<A>): Promise<Order> {
  return deps.db.transaction().execute(async (tx) => {
    const order = await findOrder(tx, actorScope(req.actor), req.orderId);
    if (!order) throw notFound('order');
    if (order.version !== req.version) throw conflict();
    const leadUnit = order.lead_unit_id ? await findUnit(tx, order.centre_id, order.lead_unit_id) : undefined;
    // Hops are open only while the order is being handled (下派, ADR 0115).
    const openHops = FORWARDABLE_STATES.includes(order.state) ? await listOpenHops(tx, order.id) : [];
    const check = checkTransition(
      {
        state: order.state,
        leadUnitPath: leadUnit?.path ?? null,
        clockPaused: order.clock_paused,
        hop: bottomHop(openHops),
        deskUnitId: order.desk_unit_id,
        complex: isComplexMatter(order),
        handledDirectly: order.handled_directly,
      },
      req.action,
      { ...req.actor, deskUnitId: actorDesk(req.actor) },
    );
    if (!check.ok) {
      if (check.reason === 'state') {
        throw domainError('INVALID_TRANSITION', 'error.invalidTransition', { state: order.state, action: req.action });
      }
      if (check.reason === 'clock') {
        throw domainError('CONFLICT', order.clock_paused ? 'timelimit.nothingToPause' : 'timelimit.nothingToResume');
      }
      if (check.reason === 'not_complex') {
        throw domainError('VALIDATION', 'progress.notComplex', {}, { field: 'action', reason: 'not_complex' });
      }
      if (check.reason === 'forwarded') throw domainError('CONFLICT', 'forward.forwarded');
      if (check.reason === 'no_hop') throw domainError('CONFLICT', 'forward.notForwarded');
      if (check.reason === 'hop') {
        const state = HOP_STATE_LABELS[openHops.at(-1)?.state ?? 'pending'];
        const action = EVENT_LABELS[req.action];
        throw domainError('CONFLICT', 'forward.hopState', {
          action: action.zh,
          actionEn: action.en,
          state: state.zh,
          stateEn: state.en,
        });
      }
      if (check.reason === 'unit' && TRANSITIONS[req.action].scope !== 'lead_unit') {
        throw domainError('FORBIDDEN', 'forward.notHolder');
      }
      throw domainError('FORBIDDEN', FORBIDDEN_MESSAGES[check.reason]);
    }
    const at = deps.clock.now();
    const note = blankToNull(req.note);
    const effect = await EFFECTS[req.action]({
      tx,
      order,
      payload: req.payload,
      actor: req.actor,
      at,
      note,
      openHops,
      deadlines: () => deps.orderHooks.detail.deadlines(tx, order.id, at),
    });
    const updated = await updateOrderIfVersion(
      tx,
      order.id,
      { state: order.state, version: order.version },
      { ...effect.patch, state: check.to, updated_at: at },
    );
    if (!updated) throw conflict();
    const step = { by: req.actor, at };
    await insertOrderEvent(
      tx,
      orderEventRow(order, {
        ...step,
        kind: req.action,
        fromState: order.state,
        toState: check.to,
        note,
        payload: effect.eventPayload ?? {},
      }),
    );
    if (effect.escalatedBecause) {
      await insertOrderEvent(
        tx,
        orderEventRow(order, {
          ...step,
          kind: 'escalate',
          fromState: check.to,
          toState: check.to,
          payload: { because: effect.escalatedBecause },
        }),
      );
    }
    const outbox: NewOutboxMessage[] = [
      {
        topic: 'order.transitioned',
        payload: { orderId: order.id, action: req.action, from: order.state, to: check.to, version: updated.version },
      },
    ];
    // The action and its payload were checked together (TransitionRequest<A>); the union pairs them.
    const hookContext = {
      tx,
      clock: deps.clock,
      before: order,
      after: updated,
      action: req.action,
      payload: req.payload,
      actor: req.actor,
      at,
      outbox,
    } as TransitionHookContext;
    const hooksUpdatedOrder = await runTransitionHooks(deps.orderHooks, hookContext);
    await enqueueOutbox(tx, outbox, at);
    // Hooks may update derived columns (e.g. the deadline summary), so return the row as committed.
    if (!hooksUpdatedOrder) return updated;
    return (await findOrder(tx, { centreId: order.centre_id, unitPath: null }, order.id)) ?? updated;
  });
}

export const ruleFor = (action: OrderAction) => TRANSITIONS[action];
