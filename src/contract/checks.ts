import type { CheckCloseReason, Satisfaction } from './vocabulary.js';

/**
 * 待核查 (ADR 0135): a citizen's web rating of 不满意/未解决 waits for the centre's check. The
 * supervisor decides 重办 (visit_rehandle, back to the unit) or 核查办结 (check_close, with a reason
 * from CHECK_CLOSE_REASONS and words).
 */
export const CHECK_ROLES = ['supervisor'] as const;
export type { CheckCloseReason };

/** One row of the check queue (GET /api/checks). */
export interface CheckQueueRow<At = string> {
  orderId: string;
  orderNo: string;
  version: number;
  title: string;
  appealType: string;
  leadUnitName: string | null;
  satisfaction: Satisfaction | null;
  resolved: boolean | null;
  /** The citizen's own words with the rating. */
  comment: string | null;
  ratedAt: At;
  /** The unit's last reply, for the decision. */
  replyText: string | null;
  rehandleCount: number;
  escalated: boolean;
}

export interface CheckQueueView<At = string> {
  rows: CheckQueueRow<At>[];
  total: number;
  /** The sub-centre whose checks these are (null: every desk's; ADR 0153). */
  deskUnitId: string | null;
}
