import { timingSafeEqual } from 'node:crypto';
import { findOrderByIdOrNo } from '../orders/order.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { findCentreByCode, listCentres } from '../org/unit.repository.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { applyCallEvent } from './call-events.js';
import type { CallEventInput } from './call.schemas.js';
import {
  findCall,
  findCallForUpdate,
  findUserIdByUsername,
  insertCallOrderLink,
  listCallOrderIds,
  upsertCall,
} from './call.repository.js';
import type { Call } from './call.table.js';

/** Who reports calls: the CTI (a configured bearer token, no person) or a signed-in operator. */
export interface CallReporter {
  centreId: string;
  actor: Actor | null;
}

/** True when the presented token is the configured CTI token (constant-time compare). */
export function isCtiToken(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertMayRecordCalls(actor: Actor | null): void {
  if (actor && !can(actor, 'call.record')) throw forbidden();
}

/**
 * Records one CTI event of a call (offered / answered / abandoned / ended), creating the call on
 * its first event. Idempotent: the same event twice leaves the same row. Feeds 接通率 and the
 * 15-second answer rate.
 */
export async function recordCallEvent(deps: Deps, reporter: CallReporter, input: CallEventInput): Promise<Call> {
  assertMayRecordCalls(reporter.actor);
  return deps.db.transaction().execute(async (tx) => {
    const existing = await findCallForUpdate(tx, reporter.centreId, input.callId);
    const applied = applyCallEvent(existing ?? null, input);
    if (!applied.ok) throw invalidField(applied.field, applied.reason);
    let operatorId = existing?.operator_user_id ?? null;
    if (input.operator) {
      operatorId = await findUserIdByUsername(tx, reporter.centreId, input.operator);
      if (!operatorId) throw invalidField('operator');
    } else if (!operatorId && reporter.actor && input.event !== 'offered') {
      operatorId = reporter.actor.userId;
    }
    return upsertCall(
      tx,
      reporter.centreId,
      input.callId,
      {
        status: applied.state.status,
        offered_at: applied.state.offered_at,
        answered_at: applied.state.answered_at,
        ended_at: applied.state.ended_at,
        wait_seconds: applied.state.wait_seconds,
        talk_seconds: applied.state.talk_seconds,
        hotline_number: input.hotlineNumber ?? existing?.hotline_number ?? null,
        caller_number: input.callerNumber ?? existing?.caller_number ?? null,
        operator_user_id: operatorId,
        operator_ext: input.operatorExt ?? existing?.operator_ext ?? null,
        recording_url: input.recordingUrl ?? existing?.recording_url ?? null,
      },
      deps.clock.now(),
    );
  });
}

/** Links a call to an order recorded from it (one call may give several orders and vice versa). */
export async function linkCallToOrder(
  deps: Deps,
  reporter: CallReporter,
  callId: number,
  orderRef: string,
): Promise<{ call: Call; orderIds: string[] }> {
  assertMayRecordCalls(reporter.actor);
  return deps.db.transaction().execute(async (tx) => {
    const call = await findCall(tx, reporter.centreId, callId);
    if (!call) throw notFound('call');
    const scope = { centreId: reporter.centreId, unitPath: null };
    const order = await findOrderByIdOrNo(tx, scope, orderRef);
    if (!order) throw notFound('order');
    await insertCallOrderLink(tx, {
      callId: call.id,
      orderId: order.id,
      by: reporter.actor?.userId ?? null,
      at: deps.clock.now(),
    });
    return { call, orderIds: await listCallOrderIds(tx, call.id) };
  });
}

/**
 * Resolves who is reporting: the CTI when the bearer token matches the configured one (for the
 * configured centre, or the first centre), otherwise the signed-in person (401 when none).
 */
export async function resolveCallReporter(
  deps: Deps,
  opts: { bearer: string | undefined; ctiToken: string | undefined; actor: Actor | null },
): Promise<CallReporter> {
  if (isCtiToken(opts.bearer, opts.ctiToken)) {
    const code = deps.settings.ctiCentreCode;
    const centre = code ? await findCentreByCode(deps.db, code) : (await listCentres(deps.db))[0];
    if (!centre) throw notFound('unit');
    return { centreId: centre.id, actor: null };
  }
  if (!opts.actor) throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
  return { centreId: opts.actor.centreId, actor: opts.actor };
}
