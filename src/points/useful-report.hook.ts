import type { AppealType } from '../contract/vocabulary.js';
import type { TransitionHook } from '../orders/order-hooks.js';
import { findResidentByPhone } from '../residents/resident.repository.js';
import { appendEntry } from './points-ledger.js';
import { findEntryBySource, pointsSettings } from './points.repository.js';

/** Appeals that report something to be put right; a question answered or a thank-you earns nothing. */
const USEFUL_TYPES: ReadonlySet<string> = new Set<AppealType>(['complaint', 'report', 'help', 'suggestion']);

/**
 * 有效反映 (issue 19, ADR 0188): when an appeal that a unit handled is closed — after the return visit
 * or the centre's check, never by 直办 — and its caller is a resident of the centre whose phone is
 * verified, the resident earns the centre's `useful_report_points`, once per order (`source_key`), in
 * the closing transaction. An unverified phone earns nothing: anyone could type someone else's number.
 */
export const usefulReportPointsHook: TransitionHook = async (ctx) => {
  if (ctx.action !== 'visit_close' && ctx.action !== 'check_close') return;
  const order = ctx.after;
  if (!order.caller_phone || !USEFUL_TYPES.has(order.appeal_type)) return;
  const { usefulReportPoints } = await pointsSettings(ctx.tx, order.centre_id);
  if (usefulReportPoints <= 0) return;
  const resident = await findResidentByPhone(ctx.tx, order.centre_id, order.caller_phone);
  if (!resident?.phone_verified_at) return;
  const sourceKey = `useful_report:${order.id}`;
  // closed again after a re-handling: the first close already earned the points
  if (await findEntryBySource(ctx.tx, order.centre_id, sourceKey)) return;
  await appendEntry(ctx.tx, {
    centreId: order.centre_id,
    residentId: resident.id,
    kind: 'useful_report',
    activityKind: null,
    ruleId: null,
    points: usefulReportPoints,
    note: order.order_no,
    evidence: null,
    byUserId: ctx.actor.userId,
    itemId: null,
    quantity: null,
    correctsEntryId: null,
    sourceKey,
    at: ctx.at,
  });
};
