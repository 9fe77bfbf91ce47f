import type { TransitionHookContext } from '../orders/transition-hooks.js';
import { saveDuplicateCandidates } from './duplicate.repository.js';
import { findDuplicates } from './duplicate.service.js';

/** Candidates kept per new order. */
const KEEP = 5;

/**
 * On every new order (intake, any channel): find earlier orders that may be the same appeal and store
 * them with score and reasons, in the intake transaction, so dispatchers see them on the order.
 */
export async function duplicateDetectHook(ctx: TransitionHookContext): Promise<void> {
  if (ctx.action !== 'accept') return;
  const o = ctx.after;
  const found = await findDuplicates(ctx.tx, ctx.clock, {
    centreId: o.centre_id,
    scope: { centreId: o.centre_id, unitPath: null },
    probe: { title: o.title, content: o.content, callerPhone: o.caller_phone, address: o.address, regionId: o.region_id },
    at: o.accepted_at,
    excludeOrderId: o.id,
    limit: KEEP,
  });
  await saveDuplicateCandidates(
    ctx.tx,
    o.id,
    found.map((f) => ({ candidateId: f.orderId, score: f.score, reasons: f.reasons })),
    ctx.at,
  );
}
