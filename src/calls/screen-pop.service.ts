import type { CallerOrderView, CurrentCallView, OrderCallView, ScreenPopView } from '../contract/calls.js';
import { OPEN_STATES } from '../contract/vocabulary.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { maskPhone } from '../orders/masking.js';
import { normalizePhone } from '../orders/phone.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { findCall } from './call.repository.js';
import { findCurrentCallOf, listCallerOrders, listCallsOfOrder } from './screen-pop.repository.js';

/** A call older than this is not "current" any more, whatever the CTI last said (a missed 'ended'). */
const CURRENT_CALL_WINDOW_MS = 2 * 60 * 60 * 1000;
const HISTORY_LIMIT = 20;

function assertMayTakeCalls(actor: Actor) {
  if (!can(actor, 'call.record')) throw forbidden();
}

/** The call now ringing at or answered by the signed-in operator, or null (the console polls this). */
export async function getCurrentCall(deps: Deps, actor: Actor): Promise<CurrentCallView<Date> | null> {
  assertMayTakeCalls(actor);
  if (!actor.userId) return null;
  const since = new Date(deps.clock.now().getTime() - CURRENT_CALL_WINDOW_MS);
  const call = await findCurrentCallOf(deps.db, actor.centreId, actor.userId, since);
  return call ? { id: Number(call.id), status: call.status, offeredAt: call.offered_at } : null;
}

/**
 * What the intake opens with for a call. The number and the repeat caller's name are personal data:
 * shown only to pii.read holders, and each such reading of an earlier order's caller is logged as on
 * the order page. A confidential caller's name is not pre-filled.
 */
export async function getScreenPop(deps: Deps, actor: Actor, callId: number): Promise<ScreenPopView<Date>> {
  assertMayTakeCalls(actor);
  const call = await findCall(deps.db, actor.centreId, callId);
  if (!call) throw notFound('call');
  const phone = normalizePhone(call.caller_number);
  const orders = phone ? await listCallerOrders(deps.db, actor.centreId, phone, HISTORY_LIMIT) : [];
  const unmasked = can(actor, 'pii.read');
  // The newest name and address the caller gave (a later call may have left them out); never a
  // confidential caller's.
  const shareable = unmasked ? orders.filter((o) => !o.caller_confidential) : [];
  const named = shareable.find((o) => o.caller_name);
  const located = shareable.find((o) => o.address);
  if (named) {
    const at = deps.clock.now();
    await logPiiAccess(deps.db, {
      userId: actor.userId,
      orderId: named.id,
      fields: ['caller_name', 'caller_phone'],
      purpose: 'call.screen_pop',
      at,
    });
  }
  const history: CallerOrderView<Date>[] = orders.map((o) => ({
    id: o.id,
    orderNo: o.order_no,
    title: o.title,
    state: o.state,
    acceptedAt: o.accepted_at,
    open: OPEN_STATES.includes(o.state),
  }));
  return {
    call: {
      id: Number(call.id),
      status: call.status,
      offeredAt: call.offered_at,
      answeredAt: call.answered_at,
      endedAt: call.ended_at,
      hotlineNumber: call.hotline_number,
    },
    callerNumber: unmasked ? phone : maskPhone(phone),
    masked: !unmasked,
    callerName: named?.caller_name ?? null,
    address: located?.address ?? null,
    regionId: located?.region_id ?? null,
    history,
  };
}

/** The calls linked to an order the reader may see (the route checks visibility first). */
export async function listOrderCalls(deps: Deps, orderId: string): Promise<OrderCallView<Date>[]> {
  const rows = await listCallsOfOrder(deps.db, orderId);
  return rows.map((c) => ({
    id: Number(c.id),
    status: c.status,
    offeredAt: c.offered_at,
    answeredAt: c.answered_at,
    talkSeconds: c.talk_seconds,
    recordingUrl: c.recording_url,
  }));
}
