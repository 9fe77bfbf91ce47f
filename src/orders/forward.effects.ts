import type { OrderState } from '../contract/vocabulary.js';
import { findUnit, findUnitsByIds } from '../org/unit.repository.js';
import { domainError, invalidField } from '../shared/errors.js';
import { insertAssignments } from './order-assignment.repository.js';
import type { EffectContext, EffectResult } from './order-effect.js';
import { endForwardAssignment, insertHop, updateHopIfState, type HopRow } from './order-hop.repository.js';
import type { BottomHop } from './order-transitions.js';
import { forwardRefusal, forwardRoot, isDepartment, pathIds, type ForwardFacts, type RuleUnit } from './forward-rules.js';
import type { HopState } from '../contract/forwarding.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';

/** The effects of forwarding down the unit tree (下派, ADR 0115): each moves one hop of order_hops. */

/** Hops are open only in these states of the order; the transition reads them only then. */
export const FORWARDABLE_STATES: readonly OrderState[] = ['handling', 'extension_requested'];

export const bottomHop = (open: readonly HopRow[]): BottomHop | null => {
  const hop = open.at(-1);
  return hop ? { state: hop.state, fromUnitPath: hop.from_unit_path, toUnitPath: hop.to_unit_path } : null;
};

const refuse = (field: string, key: Parameters<typeof domainError>[1], vars: Record<string, string> = {}) =>
  domainError('VALIDATION', key, { ...vars, field }, { field });

/** Who forwards next and what the rules need to know of the chain. */
export async function forwardFacts(
  db: Executor,
  order: Pick<Order, 'centre_id' | 'lead_unit_id'>,
  openHops: readonly HopRow[],
): Promise<ForwardFacts | null> {
  const bottom = openHops.at(-1);
  const forwarderId = bottom ? bottom.to_unit_id : order.lead_unit_id;
  if (!forwarderId) return null;
  const forwarder = await findUnit(db, order.centre_id, forwarderId);
  if (!forwarder) return null;
  const ancestors = await findUnitsByIds(db, order.centre_id, pathIds(forwarder.path));
  const lead = order.lead_unit_id ? ancestors.find((u) => u.id === order.lead_unit_id) : undefined;
  const leadKind =
    lead?.kind ?? (order.lead_unit_id ? (await findUnit(db, order.centre_id, order.lead_unit_id))?.kind : undefined);
  const chainKinds = [leadKind, ...openHops.flatMap((h) => [h.from_unit_kind, h.to_unit_kind])];
  return {
    forwarder,
    root: forwardRoot(forwarder, ancestors),
    chainUnitIds: new Set([order.lead_unit_id ?? '', ...openHops.flatMap((h) => [h.from_unit_id, h.to_unit_id])]),
    departmentWork: chainKinds.some((k) => k !== undefined && isDepartment(k)),
  };
}

/** The forwarder's own deadline: its hop's, or for the lead unit the running 办理答复 clock's. */
export async function forwarderDueAt(ctx: Pick<EffectContext<'forward'>, 'openHops' | 'deadlines'>): Promise<Date | null> {
  const bottom = ctx.openHops.at(-1);
  if (bottom) return bottom.due_at;
  const reply = (await ctx.deadlines()).filter((d) => d.stage === 'reply' && d.endedAt === null).at(-1);
  return reply ? reply.dueAt : null;
}

export async function forwardEffect(ctx: EffectContext<'forward'>): Promise<EffectResult> {
  const { tx, order, payload, at, openHops, actor } = ctx;
  const facts = await forwardFacts(tx, order, openHops);
  const target = await findUnit(tx, order.centre_id, payload.toUnitId);
  if (!facts || !target) throw invalidField('toUnitId');
  const refusal = forwardRefusal(facts, target as RuleUnit);
  if (refusal) throw refuse('toUnitId', refusal.key, refusal.vars);
  const deadline = new Date(payload.deadline);
  if (deadline.getTime() <= at.getTime()) throw refuse('deadline', 'forward.deadlinePast');
  const own = await forwarderDueAt(ctx);
  if (own && deadline.getTime() > own.getTime()) {
    throw refuse('deadline', 'forward.deadlineLate', { due: own.toISOString().replace(/\.\d{3}Z$/, 'Z') });
  }
  const depth = (openHops.at(-1)?.depth ?? 0) + 1;
  const hop = await insertHop(tx, {
    order_id: order.id,
    depth,
    from_unit_id: facts.forwarder.id,
    to_unit_id: target.id,
    note: payload.instructions.trim(),
    due_at: deadline,
    state: 'pending',
    forwarded_by: actor.userId,
    forwarded_at: at,
  });
  await insertAssignments(tx, order.id, [{ unitId: target.id, role: 'forward' }], at);
  return {
    patch: {},
    eventPayload: {
      hopId: hop.id,
      depth,
      fromUnitId: facts.forwarder.id,
      fromUnitName: facts.forwarder.name,
      toUnitId: target.id,
      toUnitName: target.name,
      deadline: deadline.toISOString(),
      instructions: hop.note,
    },
  };
}

/** Moves the bottom hop from the state the check saw; the event names the hop and its two units. */
async function moveBottomHop(
  ctx: EffectContext<'hop_sign' | 'hop_reply' | 'hop_accept' | 'hop_send_back' | 'hop_return'>,
  expected: HopState,
  patch: Parameters<typeof updateHopIfState>[3],
  extra: Record<string, unknown> = {},
): Promise<EffectResult> {
  const hop = ctx.openHops.at(-1);
  if (!hop || hop.state !== expected) throw domainError('CONFLICT', 'error.conflict');
  const moved = await updateHopIfState(ctx.tx, hop.id, expected, patch);
  if (!moved) throw domainError('CONFLICT', 'error.conflict');
  return {
    patch: {},
    eventPayload: {
      hopId: hop.id,
      depth: hop.depth,
      fromUnitId: hop.from_unit_id,
      fromUnitName: hop.from_unit_name,
      toUnitId: hop.to_unit_id,
      toUnitName: hop.to_unit_name,
      ...extra,
    },
  };
}

export const hopSignEffect = (ctx: EffectContext<'hop_sign'>) =>
  moveBottomHop(ctx, 'pending', { state: 'handling', signed_at: ctx.at });

export const hopReplyEffect = (ctx: EffectContext<'hop_reply'>) =>
  moveBottomHop(
    ctx,
    'handling',
    { state: 'replied', replied_at: ctx.at, reply_result: ctx.payload.result, reply_text: ctx.payload.text.trim() },
    { result: ctx.payload.result, text: ctx.payload.text.trim() },
  );

/** The reply goes one hop up: the forwarder holds the order again (and at the top, the lead unit replies as usual). */
export const hopAcceptEffect = (ctx: EffectContext<'hop_accept'>) => {
  const hop = ctx.openHops.at(-1);
  return moveBottomHop(
    ctx,
    'replied',
    { state: 'accepted', closed_at: ctx.at },
    { result: hop?.reply_result ?? null, text: hop?.reply_text ?? null, backToLead: ctx.openHops.length === 1 },
  );
};

export const hopSendBackEffect = (ctx: EffectContext<'hop_send_back'>) =>
  moveBottomHop(ctx, 'replied', { state: 'handling' }, { reason: ctx.payload.reason.trim() });

/** The sub-unit hands the order one hop up with its reason; it keeps seeing the order it once held. */
export async function hopReturnEffect(ctx: EffectContext<'hop_return'>): Promise<EffectResult> {
  const hop = ctx.openHops.at(-1);
  const expected: HopState = hop?.state === 'pending' ? 'pending' : 'handling';
  const reason = ctx.payload.reason.trim();
  const result = await moveBottomHop(ctx, expected, { state: 'returned', closed_at: ctx.at, closed_reason: reason }, { reason });
  if (hop) await endForwardAssignment(ctx.tx, ctx.order.id, hop.to_unit_id, ctx.at);
  return result;
}
