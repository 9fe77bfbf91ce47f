import type { ForwardChainView, ForwardInboxView, ForwardTargetView } from '../contract/forwarding.js';
import { OPEN_HOP_STATES } from '../contract/forwarding.js';
import { findUnit } from '../org/unit.repository.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { forwardFacts, forwarderDueAt, bottomHop, FORWARDABLE_STATES } from '../orders/forward.effects.js';
import { forwardRefusal } from '../orders/forward-rules.js';
import { listHops, listInboxHops, listUnitsUnder, type HopRow } from '../orders/order-hop.repository.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { checkTransition } from '../orders/order-transitions.js';
import type { Order } from '../db/schema.js';
import type { Executor } from '../db/database.js';
import { forbidden } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { presentHop, presentInboxItem } from './forward.presenter.js';

/** Who must act now: the lead unit, the sub-unit on the bottom hop, or its forwarder when a reply waits. */
function holderOf(order: Order, open: readonly HopRow[]) {
  const bottom = open.at(-1);
  if (!bottom) return { id: order.lead_unit_id, name: null as string | null };
  return bottom.state === 'replied'
    ? { id: bottom.from_unit_id, name: bottom.from_unit_name }
    : { id: bottom.to_unit_id, name: bottom.to_unit_name };
}

/** The sub-units this forwarder may pass the order to (the same rules the forward itself checks). */
async function targetsFor(db: Executor, order: Order, open: readonly HopRow[]): Promise<ForwardTargetView[]> {
  const facts = await forwardFacts(db, order, open);
  if (!facts) return [];
  const units = await listUnitsUnder(db, order.centre_id, facts.root.path);
  return units.filter((u) => forwardRefusal(facts, u) === null).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
}

/** GET /api/orders/:id/forward-chain: every hop, who holds the order now, and where the actor may forward it. */
export async function getForwardChain(deps: OrderDeps, actor: Actor, idOrNo: string): Promise<ForwardChainView<Date>> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const db = deps.db;
  const hops = await listHops(db, order.id);
  const forwardable = FORWARDABLE_STATES.includes(order.state);
  const open = forwardable ? hops.filter((h) => OPEN_HOP_STATES.includes(h.state)).sort((a, b) => a.depth - b.depth) : [];
  const lead = order.lead_unit_id ? await findUnit(db, order.centre_id, order.lead_unit_id) : undefined;
  const holder = forwardable || order.state === 'dispatched' ? holderOf(order, open) : { id: null, name: null };
  const subject = { state: order.state, leadUnitPath: lead?.path ?? null, clockPaused: order.clock_paused, hop: bottomHop(open) };
  const mayForward = checkTransition(subject, 'forward', actor).ok;
  const now = deps.clock.now();
  const due = forwardable
    ? await forwarderDueAt({ openHops: open, deadlines: () => deps.orderHooks.detail.deadlines(db, order.id, now) })
    : null;
  return {
    orderId: order.id,
    leadUnitId: lead?.id ?? null,
    leadUnitName: lead?.name ?? null,
    holderUnitId: holder.id,
    holderUnitName: holder.name ?? (holder.id === lead?.id ? (lead?.name ?? null) : null),
    forwarderDueAt: due,
    hops: hops.map(presentHop),
    targets: mayForward ? await targetsFor(db, order, open) : [],
  };
}

/** GET /api/forwarding/inbox: open hops addressed to my unit (its subtree), and replies I have to accept. */
export async function getForwardInbox(deps: OrderDeps, actor: Actor): Promise<ForwardInboxView<Date>> {
  if (!actor.unitPath) throw forbidden();
  const { incoming, toAccept } = await listInboxHops(deps.db, actor.centreId, actor.unitPath, 200);
  return { incoming: incoming.map(presentInboxItem), toAccept: toAccept.map(presentInboxItem) };
}
