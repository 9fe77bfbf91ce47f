import type { Insertable } from 'kysely';
import type { OrderState } from '../contract/vocabulary.js';
import type { OrderEventsTable } from '../db/schema.js';
import { orderEventRow, type EventAuthor } from '../orders/timeline-events.js';
import type { ImportRecord } from './import-row.js';

/** Every imported step is signed by this label (no person did it in lianxin; the run names who imported). */
export const IMPORT_AUTHOR: EventAuthor = { system: 'import' };

/** The order's columns that follow from how it ended. */
export function finalColumns(r: ImportRecord) {
  const state: OrderState = r.finalState === 'invalid' ? 'invalid' : 'closed';
  return {
    state,
    lead_unit_id: r.unit?.id ?? null,
    handled_directly: r.finalState === 'direct',
    closure_kind:
      r.finalState === 'direct'
        ? 'direct'
        : r.finalState === 'invalid'
          ? 'not_accepted'
          : r.satisfaction
            ? 'visited'
            : 'imported',
    dispatch_count: r.unit ? 1 : 0,
    reply_result: r.finalState === 'closed' && hasReply(r) ? replyResult(r) : null,
    satisfaction: r.finalState === 'invalid' ? null : r.satisfaction,
    resolved: r.finalState === 'invalid' ? null : r.resolved,
    dispatched_at: r.unit ? dispatchedAt(r) : null,
    closed_at: r.closedAt,
    updated_at: r.closedAt,
  };
}

const hasReply = (r: ImportRecord) => r.repliedAt !== null || r.replyText !== null;
const replyResult = (r: ImportRecord) => (r.resolved === false ? 'partly' : 'resolved');
const dispatchedAt = (r: ImportRecord) => r.dispatchedAt ?? r.createdAt;

/**
 * The timeline a lianxin order of that history would have (ADR 0183), oldest first: 受理, then
 * 直办 or 无效, or 派单 → 签收 → 答复 → 审核通过 → 回访办结. KPIs are computed from these events
 * (src/analytics/kpi/kpi-facts.repository.ts), so imported months read like lived ones.
 */
export function importedTimeline(
  order: { id: string; centre_id: string },
  r: ImportRecord,
  runId: string,
): Insertable<OrderEventsTable>[] {
  const events: Insertable<OrderEventsTable>[] = [];
  let state: OrderState | null = null;
  const step = (
    kind: Parameters<typeof orderEventRow>[1]['kind'],
    at: Date,
    toState: OrderState,
    payload: object,
    note?: string | null,
  ) => {
    events.push(orderEventRow(order, { kind, by: IMPORT_AUTHOR, at, fromState: state, toState, note, payload }));
    state = toState;
  };
  step('accept', r.createdAt, 'accepted', {
    channel: r.channel,
    appealType: r.appealType,
    priority: r.priority,
    imported: { runId, originalNo: r.originalNo, row: r.row },
  });
  if (r.finalState === 'direct') {
    step('answer_directly', r.closedAt, 'closed', { answer: r.replyText ?? '' }, r.replyText);
    return events;
  }
  if (r.finalState === 'invalid') {
    step('reject', r.closedAt, 'invalid', { reason: 'not_accepted', explanation: r.replyText ?? '' }, r.replyText);
    return events;
  }
  const unit = r.unit!;
  step('dispatch', dispatchedAt(r), 'dispatched', {
    leadUnitId: unit.id,
    leadUnitName: unit.name,
    assistUnitIds: [],
    assistUnitNames: [],
    instructions: null,
  });
  if (r.acceptedAt) step('sign', r.acceptedAt, 'handling', {});
  if (hasReply(r)) {
    const at = r.repliedAt ?? r.closedAt;
    step('reply', at, 'replied', { result: replyResult(r), text: r.replyText ?? '' }, r.replyText);
    step('review_accept', at, 'visiting', {});
  }
  step('visit_close', r.closedAt, 'closed', {
    reached: r.satisfaction !== null,
    satisfaction: r.satisfaction,
    resolved: r.satisfaction !== null ? r.resolved : null,
  });
  return events;
}
