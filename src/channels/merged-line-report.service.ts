import { MERGED_LINE_REPORT_READERS, type MergedLineReportView } from '../contract/channels.js';
import { findCentre } from '../org/unit.repository.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, notFound } from '../shared/errors.js';
import { hasAnyRole, isUnitScoped, type Actor } from '../users/roles.js';
import { listMergedLines } from './channel-register.repository.js';
import { centreCriterion } from './channel-register.service.js';
import { addMonths, buildLineReport, trendMonths } from './merged-line-report.js';
import { readLineMonthCounts } from './merged-line-report.repository.js';

/** The merged-lines report of a centre for one month ('YYYY-MM'): no authorization (the xlsx report and the API decide). */
export async function computeMergedLineReport(deps: Deps, centreId: string, month: string): Promise<MergedLineReportView> {
  const centre = await findCentre(deps.db, centreId);
  if (!centre) throw notFound('unit');
  const criterion = await centreCriterion(deps, centreId);
  const [lines, counts] = await Promise.all([
    listMergedLines(deps.db, centreId),
    readLineMonthCounts(deps.db, {
      centreId,
      timeZone: centre.timezone,
      fromMonth: addMonths(month, -trendMonths(criterion)),
      toMonth: month,
    }),
  ]);
  return buildLineReport({ month, criterion, lines, counts });
}

/** GET /api/merged-lines/report: centre-wide readers only (the figures are the whole hotline's). */
export async function mergedLineReportFor(deps: Deps, actor: Actor, month: string): Promise<MergedLineReportView> {
  if (!hasAnyRole(actor, MERGED_LINE_REPORT_READERS) || isUnitScoped(actor)) throw forbidden();
  return computeMergedLineReport(deps, actor.centreId, month);
}
