import { isDissatisfied } from '../contract/vocabulary.js';
import { assertReceivesDispatch } from '../org/dispatch-receivers.js';
import { findUnitsByIds } from '../org/unit.repository.js';
import { domainError, invalidField } from '../shared/errors.js';
import { blankToNull } from '../shared/optional-text.js';
import type { OrderAction } from './order-actions.schemas.js';
import { endActiveAssignments, insertAssignments, markLeadSigned } from './order-assignment.repository.js';
import { insertReturnVisit, markOpenVisitUnitCaused } from './order-extras.repository.js';
import { ESCALATION_THRESHOLD, FINAL_STATES, type OrderState } from './order.constants.js';
import { mergeEffect, unmergeEffect } from './merge.effects.js';
import {
  forwardEffect,
  hopAcceptEffect,
  hopReplyEffect,
  hopReturnEffect,
  hopSendBackEffect,
  hopSignEffect,
} from './forward.effects.js';
import { handUpEffect, refuseOutsideDeskArea, routeToDeskEffect } from './desk.effects.js';
import { closing, type Effect, type EffectContext, type EffectResult } from './order-effect.js';
import { directVisitEffect, visitMethod } from './direct-visit.effect.js';

async function dispatchEffect(ctx: EffectContext<'dispatch'>): Promise<EffectResult> {
  const { tx, order, payload, at } = ctx;
  const assist = [...new Set(payload.assistUnitIds ?? [])].filter((id) => id !== payload.leadUnitId);
  const units = await findUnitsByIds(tx, order.centre_id, [payload.leadUnitId, ...assist]);
  const lead = units.find((u) => u.id === payload.leadUnitId);
  assertReceivesDispatch(lead, 'leadUnitId');
  if (units.length !== assist.length + 1) throw invalidField('assistUnitIds');
  for (const u of units) if (u !== lead) assertReceivesDispatch(u, 'assistUnitIds');
  await refuseOutsideDeskArea(ctx.tx, ctx.actor, order.centre_id, [
    { unit: lead, field: 'leadUnitId' },
    ...units.filter((u) => u.id !== lead.id).map((unit) => ({ unit, field: 'assistUnitIds' as const })),
  ]);
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
      assistUnitNames: assist.map((id) => units.find((u) => u.id === id)?.name ?? id),
      instructions: blankToNull(payload.instructions),
    },
    ...(escalate ? { escalatedBecause: 'redispatches' as const } : {}),
  };
}

async function visitCloseEffect(ctx: EffectContext<'visit_close'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  if (payload.reached && (payload.satisfaction === undefined || payload.resolved === undefined)) {
    throw invalidField('satisfaction');
  }
  const satisfaction = payload.reached ? (payload.satisfaction ?? null) : null;
  const resolved = payload.reached ? (payload.resolved ?? null) : null;
  // A dissatisfied citizen is never closed silently: their own 不满意/未解决 goes to the centre's check.
  if (actor.systemRole === 'citizen' && isDissatisfied(satisfaction, resolved)) throw invalidField('satisfaction');
  await insertReturnVisit(tx, {
    orderId: order.id,
    by: actor.userId,
    at,
    reached: payload.reached,
    satisfaction,
    resolved,
    unitCaused: null,
    method: visitMethod(actor, payload.method),
    note,
  });
  return {
    patch: { satisfaction, resolved, ...closing(at, payload.reached ? 'visited' : 'visit_unreachable') },
    eventPayload: { reached: payload.reached, satisfaction, resolved },
  };
}

/** 不满意/未解决 from the citizen's web rating: recorded as their return visit, the order waits for the check. */
async function visitCheckEffect(ctx: EffectContext<'visit_check'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  if (!isDissatisfied(payload.satisfaction, payload.resolved)) throw invalidField('satisfaction');
  const method = payload.method ?? 'web';
  await insertReturnVisit(tx, {
    orderId: order.id,
    by: actor.userId,
    at,
    reached: true,
    satisfaction: payload.satisfaction,
    resolved: payload.resolved,
    unitCaused: null,
    method,
    note,
  });
  return {
    patch: { satisfaction: payload.satisfaction, resolved: payload.resolved },
    eventPayload: { satisfaction: payload.satisfaction, resolved: payload.resolved, method },
  };
}

async function visitRehandleEffect(ctx: EffectContext<'visit_rehandle'>): Promise<EffectResult> {
  const { tx, order, payload, actor, at, note } = ctx;
  const fromCheck = order.state === 'checking';
  if (fromCheck) {
    // The citizen's own rating is the visit; the centre's decision does not add a second one.
    await markOpenVisitUnitCaused(tx, order.id);
  } else {
    await insertReturnVisit(tx, {
      orderId: order.id,
      by: actor.userId,
      at,
      reached: true,
      satisfaction: 'dissatisfied',
      resolved: payload.resolved,
      unitCaused: true,
      method: visitMethod(actor, payload.method),
      note: note ?? payload.reason,
    });
  }
  const rehandles = order.rehandle_count + 1;
  const escalate = !order.escalated && rehandles >= ESCALATION_THRESHOLD;
  return {
    patch: {
      rehandle_count: rehandles,
      reply_result: null,
      ...(fromCheck ? { satisfaction: null, resolved: null } : {}),
      ...(escalate ? { escalated: true } : {}),
    },
    eventPayload: {
      satisfaction: 'dissatisfied',
      resolved: fromCheck ? order.resolved : payload.resolved,
      reason: payload.reason,
      rehandleCount: rehandles,
      ...(fromCheck ? { afterCheck: true } : {}),
    },
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
  progress_report: echo,
  wait_for_citizen: echo,
  suspend: echo,
  resume_clock: echo,
  review_accept: echo,
  review_send_back: echo,
  visit_close: visitCloseEffect,
  visit_rehandle: visitRehandleEffect,
  forward: forwardEffect,
  hop_sign: hopSignEffect,
  hop_reply: hopReplyEffect,
  hop_accept: hopAcceptEffect,
  hop_send_back: hopSendBackEffect,
  hop_return: hopReturnEffect,
  route_to_desk: routeToDeskEffect,
  hand_up: handUpEffect,
  visit_check: visitCheckEffect,
  direct_visit: directVisitEffect,
  check_close: async (ctx) => ({
    patch: closing(ctx.at, 'check_closed'),
    eventPayload: { reason: ctx.payload.reason, explanation: ctx.payload.explanation.trim() },
  }),
};

export const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state as OrderState);

export const conflict = () => domainError('CONFLICT', 'error.conflict');
