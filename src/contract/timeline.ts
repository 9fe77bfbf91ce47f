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
  'unescalate', // 疑难件 taken off by hand (a leader or supervisor, with a reason)
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
  'assist_sign', // an assisting unit (协办单位) signed for its task (ADR 0120)
  'assist_opinion', // … and submitted its 协办意见
  'verify_request', // 现场核实 sent to the grid of the order's point (issue 18)
  'verify_answer', // … and the grid worker's answer from the site (result, photo, point, far flag)
  'assist_urge', // the lead unit (or the centre) urged an assisting unit
  // Issue 14, leaders who act (src/leaders):
  'leader_case', // 领导包案: a leader took the order as its owner
  'leader_case_end', // 包案 ended
  'instruction', // 领导批示 to the lead unit
  'instruction_ack', // the lead unit signed for the 批示 (签收)
  'instruction_answer', // the lead unit answered the 批示
  'instruction_moved', // an unanswered 批示 followed the order to its new lead unit on re-dispatch
  'consult_open', // 会商 opened with several units
  'consult_opinion', // a unit's 会商意见
  'consult_conclude', // the 会商's conclusion
  'external_comment', // an outside system added the citizen's words (Open311 POST servicerequestupdates, ADR 0181)
  // Issue 15, retention (src/retention, ADR 0174):
  'anonymise', // the caller's personal data erased at the end of the centre's retention period
  // Issue 16, return visits by SMS link (src/visits, ADR 0202):
  'visit_link_sent', // the 回访 desk sent the citizen a one-time rating link
  'visit_link_fell_back', // … which went unanswered: the order is for a phone visit again
] as const;

export const TIMELINE_EVENT_KINDS = [...NON_TRANSITION_EVENT_KINDS, ...ORDER_ACTIONS] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];
export type NonTransitionEventKind = (typeof NON_TRANSITION_EVENT_KINDS)[number];
