import type { EnterpriseQueueView, EnterpriseView } from '../contract/enterprise.js';
import type { Executor } from '../db/database.js';
import { computeKpis, type KpiReport } from '../analytics/kpi/kpi.service.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { isUnitScoped, type Actor } from '../users/roles.js';
import { findOrderEnterprise, listEnterpriseOrders, type EnterpriseQueueStatus } from './enterprise.repository.js';

/**
 * The order page's enterprise section. A company that asked for protection is hidden from the
 * handling unit (name and code null, `hidden`); the centre always sees it (ADR 0137).
 */
export async function readOrderEnterprise(db: Executor, orderId: string, unitReader: boolean): Promise<EnterpriseView | null> {
  const row = await findOrderEnterprise(db, orderId);
  if (!row) return null;
  const hidden = row.protect_name && unitReader;
  return {
    companyName: hidden ? null : row.company_name,
    creditCode: hidden ? null : row.credit_code,
    protectName: row.protect_name,
    hidden,
  };
}

/** The enterprise desk is the centre's: unit staff never see the queue (403). */
function requireDesk(actor: Actor) {
  if (!can(actor, 'enterprise.desk') || isUnitScoped(actor)) throw forbidden();
}

export async function listEnterpriseQueue(
  deps: Deps,
  actor: Actor,
  q: { status?: EnterpriseQueueStatus; limit?: number; offset?: number },
): Promise<EnterpriseQueueView<Date>> {
  requireDesk(actor);
  const { rows, total } = await listEnterpriseOrders(deps.db, {
    centreId: actor.centreId,
    status: q.status ?? 'open',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return {
    total,
    rows: rows.map((r) => ({
      orderId: r.order_id,
      orderNo: r.order_no,
      title: r.title,
      state: r.state,
      appealType: r.appeal_type,
      companyName: r.company_name,
      creditCode: r.credit_code,
      protectName: r.protect_name,
      leadUnitName: r.lead_unit_name,
      acceptedAt: r.accepted_at,
      closedAt: r.closed_at,
      satisfaction: r.satisfaction,
    })),
  };
}

/** The enterprise appeals' own KPIs (响应率, 办结率, 满意率 …): the one KPI machinery, restricted to them. */
export async function getEnterpriseKpis(deps: Deps, actor: Actor, q: { from: string; to: string }): Promise<KpiReport> {
  requireDesk(actor);
  return computeKpis(deps, { centreId: actor.centreId, from: q.from, to: q.to, groupBy: 'centre', enterpriseOnly: true });
}
