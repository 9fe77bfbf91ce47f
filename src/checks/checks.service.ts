import type { CheckQueueView } from '../contract/checks.js';
import type { Satisfaction } from '../contract/vocabulary.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { listCheckingOrders } from './checks.repository.js';

/**
 * 待核查: the supervisor's queue of citizens' dissatisfied web ratings (ADR 0135). The decisions
 * themselves are order actions (visit_rehandle, check_close) through the one transition function.
 */
export async function listChecksFor(
  deps: Deps,
  actor: Actor,
  q: { limit?: number; offset?: number },
): Promise<CheckQueueView<Date>> {
  if (!can(actor, 'check.decide')) throw forbidden();
  const { rows, total } = await listCheckingOrders(deps.db, {
    centreId: actor.centreId,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return {
    total,
    rows: rows.map((r) => ({
      orderId: r.id,
      orderNo: r.order_no,
      version: r.version,
      title: r.title,
      appealType: r.appeal_type,
      leadUnitName: r.lead_unit_name,
      satisfaction: r.satisfaction as Satisfaction | null,
      resolved: r.resolved,
      comment: r.comment,
      ratedAt: r.rated_at ?? r.updated_at,
      replyText: r.reply_text,
      rehandleCount: r.rehandle_count,
      escalated: r.escalated,
    })),
  };
}
