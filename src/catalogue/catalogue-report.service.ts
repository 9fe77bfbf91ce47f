import { checkedPeriod } from '../analytics/period.js';
import { CATALOGUE_REPORT_READERS, type CatalogueReport, type CatalogueReportRuleRow } from '../contract/catalogue.js';
import { text } from '../i18n/messages.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { resolveDeskFilter } from '../subcentres/desk-filter.service.js';
import { ruleLabel } from './catalogue.presenter.js';
import { reportPerRule, reportTotals, selectRulesWithNames } from './catalogue.repository.js';

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * GET /api/catalogue/report: of the period's dispatches, how many followed the catalogue, overrode it
 * or had no rule (遵循率 = followed / (followed + overridden)); per rule the dispatches that followed
 * it and how many of those came back (回退率) — the rules that cause returns first.
 */
export async function catalogueReport(
  deps: Deps,
  actor: Actor,
  q: { from: string; to: string; deskUnitId?: string },
): Promise<CatalogueReport> {
  if (!hasAnyRole(actor, CATALOGUE_REPORT_READERS)) throw forbidden();
  const { from, to } = checkedPeriod(q.from, q.to);
  // a sub-centre's staff: the dispatches of their desk only (ADR 0153)
  const desk = await resolveDeskFilter(deps.db, actor, q.deskUnitId);
  const [totals, perRule, rules] = await Promise.all([
    reportTotals(deps.db, actor.centreId, from, to, desk),
    reportPerRule(deps.db, actor.centreId, from, to, desk),
    selectRulesWithNames(deps.db, actor.centreId),
  ]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const any = text('catalogue.any').zh;
  const rows: CatalogueReportRuleRow[] = perRule.flatMap((p) => {
    const r = byId.get(p.id);
    if (!r) return [];
    const followed = Number(p.followed);
    const returned = Number(p.returned);
    return [
      {
        ruleId: r.id,
        no: r.no,
        label: ruleLabel(r, any),
        leadUnitName: r.lead_unit_name,
        followed,
        overridden: Number(p.overridden),
        returned,
        returnRate: rate(returned, followed),
      },
    ];
  });
  rows.sort((a, b) => (b.returnRate ?? -1) - (a.returnRate ?? -1) || b.returned - a.returned || a.no - b.no);
  const followed = Number(totals.followed);
  const overridden = Number(totals.overridden);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    dispatches: Number(totals.dispatches),
    followed,
    overridden,
    noRule: Number(totals.no_rule),
    auto: Number(totals.auto),
    followRate: rate(followed, followed + overridden),
    rules: rows,
    deskUnitId: desk ?? null,
  };
}
