import type { CheckQueueView } from '../contract/checks.js';
import type { Satisfaction } from '../contract/vocabulary.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { actorScope } from '../users/actor-scope.js';
import { resolveDeskFilter } from '../subcentres/desk-filter.service.js';
import { listCheckingOrders } from './checks.repository.js';

/**
 * 待核查: the supervisor's queue of citizens' dissatisfied web ratings (ADR 0135). The decisions
 * themselves are order actions (visit_rehandle, check_close) through the one transition function.
 */
export async function listChecksFor(
  deps: Deps,
  actor: Actor,
  q: { limit?: number; offset?: number; deskUnitId?: string },
): Promise<CheckQueueView<Date>> {
  if (!can(actor, 'check.decide')) throw forbidden();
  // a sub-centre's supervisor checks its desk's orders only (ADR 0153)
  const desk = await resolveDeskFilter(deps.db, actor, q.deskUnitId);
  const { rows, total } = await listCheckingOrders(deps.db, {
    scope: { ...actorScope(actor), deskUnitId: desk ?? null },
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return {
    total,
    deskUnitId: desk ?? null,
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
