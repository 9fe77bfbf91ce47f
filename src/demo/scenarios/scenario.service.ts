import { computeKpis, type KpiReport } from '../../analytics/kpi/kpi.service.js';
import { refreshKpiRollups } from '../../analytics/kpi/kpi-rollup.service.js';
import { findCentreByCode } from '../../org/unit.repository.js';
import type { OrderDeps as Deps } from '../../orders/order-hooks.js';
import { loadXilingol2021, XILINGOL_2021 } from './xilingol-2021.scenario.js';

export interface ScenarioDefinition {
  name: string;
  description: string;
  centreCode: string;
  usernamePrefix: string;
  from: string;
  to: string;
  load: (deps: Deps, opts: { scale?: number; lanes?: number; log?: (line: string) => void }) => Promise<{ centreId: string }>;
}

/** Every scenario `lianxin demo scenario <name>` can load, listed explicitly. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'xilingol-2021',
    description: '锡林郭勒盟 2021 年 5—7 月：接通 7600、受理 6924、直办 2071、转办 3853、办结 5624、满意率 98.45%',
    centreCode: XILINGOL_2021.code,
    usernamePrefix: XILINGOL_2021.usernamePrefix,
    from: XILINGOL_2021.from,
    to: XILINGOL_2021.to,
    load: (deps, opts) => loadXilingol2021(deps, opts),
  },
];

export class ScenarioError extends Error {}

/**
 * Loads a scenario into its own centre (refusing when that centre exists already), builds its KPI
 * rollups, and returns the KPIs of its period as the API computes them.
 */
export async function loadScenario(
  deps: Deps,
  name: string,
  opts: { scale?: number; lanes?: number; log?: (line: string) => void } = {},
): Promise<{ scenario: ScenarioDefinition; kpis: KpiReport; loaded: boolean }> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new ScenarioError(`unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const existing = await findCentreByCode(deps.db, scenario.centreCode);
  const centreId = existing ? existing.id : (await scenario.load(deps, opts)).centreId;
  if (!existing) await refreshKpiRollups(deps, { maxBackfillDays: 400 });
  const kpis = await computeKpis(deps, { centreId, from: scenario.from, to: scenario.to });
  return { scenario, kpis, loaded: !existing };
}
