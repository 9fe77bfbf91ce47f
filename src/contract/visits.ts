import type { LabelTable, Words } from './labels.js';
import type { Instant, OrderView } from './orders.js';
import type { PortalProgress } from './portal-views.js';
import type { Satisfaction } from './vocabulary.js';

/**
 * Return visits by SMS link and the sampled 直办 visits (issue 16, ADR 0202): the link's states as
 * the 回访 desk sees them, and what the citizen sees when opening the link. Shared by server and web.
 */

/**
 * sent: the link is live, waiting for the citizen; answered: the citizen rated through it;
 * fell_back: unanswered until it expired, the order is for a phone visit (短信未回复, to be called);
 * expired: it ran out after the order had its visit some other way.
 */
export const VISIT_LINK_STATES = ['sent', 'answered', 'fell_back', 'expired'] as const;
export type VisitLinkState = (typeof VISIT_LINK_STATES)[number];

export const VISIT_LINK_STATE_LABELS: LabelTable<VisitLinkState> = {
  sent: { zh: '短信已发送', en: 'Link sent' },
  answered: { zh: '已通过短信评价', en: 'Rated by link' },
  fell_back: { zh: '短信未回复，待电话回访', en: 'No answer: to be called' },
  expired: { zh: '链接已过期', en: 'Link expired' },
};

/** One link as the 回访 desk lists it (never the token: only its hash is stored). */
export interface VisitLinkView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  state: VisitLinkState;
  sentAt: At;
  expiresAt: At;
  usedAt: At | null;
  fellBackAt: At | null;
  /** Who sent it (display name), null for the system. */
  sentBy: string | null;
}

export interface VisitLinkListView<At = Instant> {
  items: VisitLinkView<At>[];
}

/** The sampled 直办 orders still waiting for their visit, the other half of the visit queue. */
export interface DirectSampleListView<At = Instant> {
  items: OrderView<At>[];
}

/** What the citizen sees on opening the link: the appeal by number, its subject and the reply. */
export interface VisitLinkPage {
  centreName: string;
  orderNo: string;
  /** The subject, or a placeholder for a confidential appeal (as 我的诉求 shows it). */
  title: string;
  acceptedAt: Instant;
  /** The reply or direct answer, as the portal's progress page shows it. */
  reply: PortalProgress['reply'];
  expiresAt: Instant;
}

/** The citizen's rating sent through the link. */
export interface VisitLinkRating {
  satisfaction: Satisfaction;
  resolved: boolean;
  comment?: string;
}

/** The answer to a rating: what happens next, in the citizen's words. */
export interface VisitLinkRated {
  orderNo: string;
  satisfaction: Satisfaction;
  resolved: boolean;
  /** true: 不满意 or 未解决, passed to the centre's check (待核查). */
  toCheck: boolean;
  stageText: Words;
}
