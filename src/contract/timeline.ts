import { ORDER_ACTIONS } from './vocabulary.js';

/**
 * What can appear on an order's timeline (全程可追溯). Every transition writes its action; the kinds
 * below are the other steps, written without a state change by their capability through the one
 * writer `recordOrderEvent` (src/orders/order-event.service.ts). Their payloads are typed in
 * `TimelinePayloads` (src/contract/timeline-payloads.ts).
 */
export const NON_TRANSITION_EVENT_KINDS = [
  'accept', // 受理 (intake, or the portal's submission)
  'escalate', // 疑难件: too many re-handlings or re-dispatches
  'attach', // an attachment was added
  'deadline_warning', // 黄牌: a stage's warning point passed
  'urge', // 催办 (by hand or by the time-limit monitor)
  'supervise', // 督办单 issued
  'supervise_response', // the unit answered the 督办单
  'supervise_close', // 督办单 closed
  'leader_followup', // 领导盯办 begun
  'leader_followup_end', // 领导盯办 ended
  'assessment_exclude', // judged an unreasonable appeal: out of the rating
  'assessment_appeal', // a unit's 申诉 against its assessment
  'assessment_appeal_decided', // the 申诉 was decided
  'note', // 内部备注 between centre and units, with @mentions; never shown to the citizen
  // Issue 14, leaders who act (src/leaders):
  'leader_case', // 领导包案: a leader took the order as its owner
  'leader_case_end', // 包案 ended
  'instruction', // 领导批示 to the lead unit
  'instruction_ack', // the lead unit signed for the 批示 (签收)
  'instruction_answer', // the lead unit answered the 批示
  'consult_open', // 会商 opened with several units
  'consult_opinion', // a unit's 会商意见
  'consult_conclude', // the 会商's conclusion
] as const;

export const TIMELINE_EVENT_KINDS = [...NON_TRANSITION_EVENT_KINDS, ...ORDER_ACTIONS] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];
export type NonTransitionEventKind = (typeof NON_TRANSITION_EVENT_KINDS)[number];
