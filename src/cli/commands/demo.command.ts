import { Command } from 'commander';
import { KPI_BY_KEY, type KpiKey } from '../../analytics/kpi/definitions.js';
import { DEMO_PASSWORD } from '../../demo/demo-org.service.js';
import { SCENARIO_ROLES } from '../../demo/scenarios/scenario-org.service.js';
import { loadScenario, SCENARIOS } from '../../demo/scenarios/scenario.service.js';
import { withRuntime } from '../with-runtime.js';

const SHOWN: KpiKey[] = [
  'answeredCalls',
  'answerRate',
  'answer15sRate',
  'acceptedCount',
  'directCount',
  'transferredCount',
  'closedCount',
  'closureRate',
  'satisfactionRate',
  'resolutionRate',
  'responseRate',
  'onTimeClosureRate',
  'returnRate',
  'rehandleRate',
  'repeatCallRate',
  'avgHandlingHours',
];

const format = (key: KpiKey, value: number | null) => {
  if (value === null) return '—';
  const kind = KPI_BY_KEY[key].kind;
  if (kind === 'ratio') return `${(value * 100).toFixed(2)} %`;
  if (kind === 'hours') return `${value.toFixed(1)} h`;
  return String(value);
};

export const demoCommand = () =>
  new Command('demo').description('演示情景 / demo scenarios').addCommand(
    new Command('scenario')
      .description(`加载演示情景 / load a scenario into its own centre: ${SCENARIOS.map((s) => s.name).join(', ')}`)
      .argument('<name>', 'scenario name, e.g. xilingol-2021')
      .option('--scale <f>', 'load a fraction of the volume (0 < f ≤ 1)', (v) => Number.parseFloat(v), 1)
      .action(async (name: string, opts: { scale: number }) => {
        await withRuntime(async (rt, config) => {
          const started = performance.now();
          const { scenario, kpis, loaded } = await loadScenario(rt.deps, name, {
            scale: opts.scale,
            lanes: config.databaseUrl ? 4 : 1,
            log: (l) => console.log(l),
          });
          console.log(
            loaded
              ? `scenario ${name}: loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`
              : `scenario ${name}: already loaded (centre ${scenario.centreCode}); figures recomputed`,
          );
          console.log(`KPIs ${scenario.from} … ${scenario.to} (computed from the event history):`);
          for (const key of SHOWN) {
            const k = kpis.total.kpis[key];
            const def = KPI_BY_KEY[key];
            const parts = k.denominator === null ? '' : `  (${k.numerator} / ${k.denominator})`;
            console.log(`  ${def.zh.padEnd(8, '　')} ${format(key, k.value).padStart(10)}${parts}`);
          }
          console.log(
            `sign in as ${SCENARIO_ROLES.map((r) => `${scenario.usernamePrefix}-${r}`).join(', ')} (password ${DEMO_PASSWORD})`,
          );
        });
      }),
  );
