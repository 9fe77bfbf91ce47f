import type { Executor } from '../db/database.js';
import type { Order, OrderUpdate } from '../db/schema.js';
import { findUnitsByIds } from '../org/unit.repository.js';
import { domainError, invalidField, notFound } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import type { ActionPayload, OrderAction } from './order-actions.schemas.js';
import { endActiveAssignments, insertAssignments, markLeadSigned } from './order-assignment.repository.js';
import { insertOrderLink, insertReturnVisit } from './order-extras.repository.js';
import { ESCALATION_THRESHOLD, FINAL_STATES, type OrderState } from './order.constants.js';
import { hasOrdersMergedInto, lockOrders } from './order.repository.js';
import { unmergeEffect } from '../duplicates/unmerge.effect.js';

export interface EffectContext<A extends OrderAction> {
  tx: Executor;
  order: Order;
  payload: ActionPayload<A>;
  actor: Actor;
  at: Date;
  note: string | null;
}

/** What a transition changes besides the state: columns of the order and the event's payload. */
export interface EffectResult {
  patch: OrderUpdate;
  eventPayload?: Record<string, unknown>;
  /** Set when this step made the order a 疑难件. */
  escalatedBecause?: 'rehandles' | 'redispatches';
}

type Effect<A extends OrderAction> = (ctx: EffectContext<A>) => Promise<EffectResult>;

const closing = (at: Date, kind: string): OrderUpdate => ({ closed_at: at, closure_kind: kind });

async function dispatchEffect(ctx: EffectContext<'dispatch'>): Promise<EffectResult> {
  const { tx, order, payload, at } = ctx;
  const assist = [...new Set(payload.assistUnitIds ?? [])].filter((id) => id !== payload.leadUnitId);
  const units = await findUnitsByIds(tx, order.centre_id, [payload.leadUnitId, ...assist]);
  const lead = units.find((u) => u.id === payload.leadUnitId);
  if (!lead || !lead.active || lead.kind === 'centre') throw invalidField('leadUnitId');
  if (units.length !== assist.length + 1 || units.some((u) => !u.active)) throw invalidField('assistUnitIds');
  await endActiveAssignments(tx, order.id, at);
  await insertAssignments(
    tx,
    order.id,
    [{ unitId: lead.id, role: 'lead' }, ...assist.map((unitId) => ({ unitId, role: 'assist' as const }))],
    at,
  );
  const dispatchCount = order.dispatch_count + 1;
  const redispatches = dispatchCount - 1;
  const escalate = !order.escalated && redispatches >= ESCALATION_THRESHOLD;
  return {
    patch: { lead_unit_id: lead.id, dispatch_count: dispatchCount, dispatched_at: at, ...(escalate ? { escalated: true } : {}) },
    eventPayload: {
      leadUnitId: lead.id,
      leadUnitName: lead.name,
      assistUnitIds: assist,
      instructions: payload.instructions ?? null,
    },
    ...(escalate ? { escalatedBecause: 'redispatches' as const } : {}),
  };
}

/**
 * 并单: the order closes as a duplicate of the main order. Both rows are locked first (in id order)
 * and the main order re-read, so two crosswise merges (A into B, B into A) cannot both pass, and no
 * chain forms: an order others are merged into is not merged itself, and nothing merges into a
 * merged or void order. A closed main order is fine: a repeat call about a matter already answered
 * is recorded on it (重复来电), and the caller is told its answer.
 */
async function mergeEffect(ctx: EffectContext<'merge'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at } = ctx;
  if (payload.intoOrderId === order.id) {
    throw domainError('VALIDATION', 'duplicate.intoItself', {}, { field: 'intoOrderId' });
  }
  // One read locks both rows; the order's own version is checked by the transition's conditional
  // update, under this lock.
  const main = (await lockOrders(tx, order.centre_id, [order.id, payload.intoOrderId])).find((o) => o.id === payload.intoOrderId);
  if (!main) throw notFound('order');
  if (main.state === 'merged' || main.state === 'invalid')
    throw domainError('VALIDATION', 'duplicate.mainFinal', { state: main.state });
  if (await hasOrdersMergedInto(tx, order.id)) throw domainError('VALIDATION', 'duplicate.hasDuplicates');
  await insertOrderLink(tx, { orderId: order.id, linkedOrderId: main.id, kind: 'duplicate', by: actor.userId, at });
  return {
    patch: { merged_into_id: main.id, ...closing(at, 'merged') },
    eventPayload: { intoOrderId: main.id, intoOrderNo: main.order_no },
  };
}

async function visitCloseEffect(ctx: EffectContext<'visit_close'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  if (payload.reached && (payload.satisfaction === undefined || payload.resolved === undefined)) {
    throw invalidField('satisfaction');
  }
  const satisfaction = payload.reached ? (payload.satisfaction ?? null) : null;
  const resolved = payload.reached ? (payload.resolved ?? null) : null;
  await insertReturnVisit(tx, {
    orderId: order.id,
    by: actor.userId,
    at,
    reached: payload.reached,
    satisfaction,
    resolved,
    unitCaused: null,
    method: payload.method ?? 'phone',
    note,
  });
  return {
    patch: { satisfaction, resolved, ...closing(at, payload.reached ? 'visited' : 'visit_unreachable') },
    eventPayload: { reached: payload.reached, satisfaction, resolved },
  };
}

async function visitRehandleEffect(ctx: EffectContext<'visit_rehandle'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  await insertReturnVisit(tx, {
    orderId: order.id,
    by: actor.userId,
    at,
    reached: true,
    satisfaction: 'dissatisfied',
    resolved: payload.resolved,
    unitCaused: true,
    method: payload.method ?? 'phone',
    note: note ?? payload.reason,
  });
  const rehandles = order.rehandle_count + 1;
  const escalate = !order.escalated && rehandles >= ESCALATION_THRESHOLD;
  return {
    patch: { rehandle_count: rehandles, reply_result: null, ...(escalate ? { escalated: true } : {}) },
    eventPayload: { satisfaction: 'dissatisfied', resolved: payload.resolved, reason: payload.reason, rehandleCount: rehandles },
    ...(escalate ? { escalatedBecause: 'rehandles' as const } : {}),
  };
}

const echo = <A extends OrderAction>(ctx: EffectContext<A>): Promise<EffectResult> =>
  Promise.resolve({ patch: {}, eventPayload: ctx.payload as Record<string, unknown> });

/** One effect per action; the transition service runs it inside the transaction. */
export const EFFECTS: { [A in OrderAction]: Effect<A> } = {
  answer_directly: async (ctx) => ({
    patch: { handled_directly: true, ...closing(ctx.at, 'direct') },
    eventPayload: ctx.payload,
  }),
  reject: async (ctx) => ({ patch: closing(ctx.at, ctx.payload.reason), eventPayload: ctx.payload }),
  merge: mergeEffect,
  unmerge: unmergeEffect,
  dispatch: dispatchEffect,
  sign: async (ctx) => {
    await markLeadSigned(ctx.tx, ctx.order.id, ctx.at);
    return { patch: {} };
  },
  request_return: echo,
  approve_return: async (ctx) => {
    await endActiveAssignments(ctx.tx, ctx.order.id, ctx.at);
    return { patch: { lead_unit_id: null }, eventPayload: { returnedFromUnitId: ctx.order.lead_unit_id } };
  },
  reject_return: echo,
  record_contact: echo,
  request_extension: async (ctx) => {
    if (new Date(ctx.payload.newDeadline).getTime() <= ctx.at.getTime()) {
      throw domainError('VALIDATION', 'timelimit.extensionInPast', {}, { field: 'newDeadline' });
    }
    return { patch: {}, eventPayload: ctx.payload };
  },
  approve_extension: echo,
  reject_extension: echo,
  reply: async (ctx) => ({ patch: { reply_result: ctx.payload.result }, eventPayload: ctx.payload }),
  wait_for_citizen: echo,
  suspend: echo,
  resume_clock: echo,
  review_accept: echo,
  review_send_back: echo,
  visit_close: visitCloseEffect,
  visit_rehandle: visitRehandleEffect,
};

export const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state as OrderState);

export const conflict = () => domainError('CONFLICT', 'error.conflict');
