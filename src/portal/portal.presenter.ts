import type { Order } from '../db/schema.js';
import { text, type MessageKey, type Text } from '../i18n/messages.js';
import { maskName, maskPhone } from '../orders/masking.js';
import type { OrderState } from '../orders/order.constants.js';
import type { PortalProgress } from '../contract/portal-views.js';

/** Timeline actions a citizen sees; everything else (notes, reviews sent back, escalations…) stays inside. */
export const PUBLIC_STEPS = [
  'accept',
  'dispatch',
  'sign',
  'approve_return',
  'record_contact',
  'approve_extension',
  'reply',
  'review_accept',
  'visit_close',
  'visit_rehandle',
  'visit_check',
  'check_close',
  'direct_visit',
  'answer_directly',
  'reject',
  'merge',
  'unmerge',
  'wait_for_citizen',
  'progress_report',
] as const;

export type PortalStage =
  'received' | 'handling' | 'replied' | 'awaiting_rating' | 'checking' | 'closed' | 'not_accepted' | 'merged';

const STAGE_OF: Record<OrderState, PortalStage> = {
  accepted: 'received',
  dispatched: 'received',
  return_requested: 'received',
  handling: 'handling',
  extension_requested: 'handling',
  replied: 'replied',
  visiting: 'awaiting_rating',
  checking: 'checking',
  closed: 'closed',
  invalid: 'not_accepted',
  merged: 'merged',
};

export const portalStage = (state: string): PortalStage => STAGE_OF[state as OrderState] ?? 'handling';

export interface PublicEvent {
  action: string;
  at: Date;
  payload: Record<string, unknown>;
}

const words = (key: string, vars: Record<string, string> = {}): Text => text(key as MessageKey, vars);
const iso = (d: Date) => new Date(d).toISOString();
const str = (v: unknown) => (typeof v === 'string' ? v : null);

function presentStep(e: PublicEvent) {
  const unit = str(e.payload.leadUnitName) ?? '';
  const key = e.action === 'dispatch' && unit === '' ? 'portal.step.approve_return' : `portal.step.${e.action}`;
  return { step: e.action, at: iso(e.at), text: words(key, { unit }) };
}

/** The reply shown once the office has answered (the brief: replied, return visit, closed), or why not accepted. */
function presentReply(order: Order, events: PublicEvent[]): PortalProgress['reply'] {
  const last = (action: string) => [...events].reverse().find((e) => e.action === action);
  if (order.state === 'invalid') {
    const e = last('reject');
    const reason = str(e?.payload.reason);
    const reasonText = reason ? words(`portal.reason.${reason}`) : null;
    return { kind: 'not_accepted', result: null, text: null, reasonText, at: iso(e?.at ?? order.updated_at) };
  }
  const direct = last('answer_directly');
  if (order.state === 'closed' && direct) {
    return { kind: 'answer', result: null, text: str(direct.payload.answer), reasonText: null, at: iso(direct.at) };
  }
  const reply = last('reply');
  if (reply && ['replied', 'visiting', 'checking', 'closed'].includes(order.state)) {
    return {
      kind: 'reply',
      result: str(reply.payload.result),
      text: str(reply.payload.text),
      reasonText: null,
      at: iso(reply.at),
    };
  }
  return null;
}

/** Whitelists what a citizen may see of their own appeal; name and phone are always masked. */
export interface ProgressFacts {
  events: PublicEvent[];
  photoIds: string[];
  /** The reply deadline's due time; shown only while the appeal is still being handled. */
  promisedBy: Date | null;
  ratingComment: string | null;
}

const HANDLING_STAGES: PortalStage[] = ['received', 'handling'];

/** The latest 阶段性答复 (ADR 0121): its texts and the next feedback, which is the running reply deadline. */
function presentProgressReport(events: PublicEvent[], promisedBy: Date | null): PortalProgress['progressReport'] {
  const report = [...events].reverse().find((e) => e.action === 'progress_report');
  if (!report) return null;
  return {
    at: iso(report.at),
    progress: str(report.payload.progress) ?? '',
    reason: str(report.payload.reason) ?? '',
    nextBy: promisedBy ? iso(promisedBy) : null,
  };
}

export function presentProgress(order: Order, facts: ProgressFacts): PortalProgress {
  const { events, photoIds, promisedBy } = facts;
  const stage = portalStage(order.state);
  return {
    orderNo: order.order_no,
    title: order.title,
    content: order.content,
    appealType: order.appeal_type,
    address: order.address,
    acceptedAt: iso(order.accepted_at),
    caller: { name: maskName(order.caller_name), phone: maskPhone(order.caller_phone) },
    stage,
    stageText: words(`portal.stage.${stage}`),
    steps: events.map(presentStep),
    reply: presentReply(order, events),
    canRate: order.state === 'visiting',
    rating:
      order.satisfaction !== null && order.resolved !== null
        ? { satisfaction: order.satisfaction, resolved: order.resolved, comment: facts.ratingComment }
        : null,
    promisedBy: promisedBy && HANDLING_STAGES.includes(stage) ? iso(promisedBy) : null,
    progressReport: HANDLING_STAGES.includes(stage) ? presentProgressReport(events, promisedBy) : null,
    photos: photoIds.length,
    photoIds,
  };
}
