import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../../paths.js';
import { DEFAULT_THRESHOLD } from '../../analytics/hotspots/hotspot-engine.js';
import { evaluateHotspots } from '../../analytics/hotspots/hotspot-eval.service.js';
import { demoMonthPurity, realDataPurity } from '../../demo/hotspot-purity.eval.js';
import { CliError } from '../cli-error.js';

/** `lianxin hotspots eval`: prints one JSON object with the clustering measures on the shared data. */
export const hotspotCommand = () => {
  const hotspots = new Command('hotspots').description('热点问题 / hot issues');
  hotspots
    .command('eval')
    .description('用真实数据评估热点聚类 / evaluate hot-issue clustering on the shared real data')
    .option('--data <dir>', 'shared data folder', path.resolve(PROJECT_ROOT, '../shared/data'))
    .option('--thresholds <list>', 'comma-separated cosine thresholds', String(DEFAULT_THRESHOLD))
    .action((opts: { data: string; thresholds: string }) => {
      const thresholds = opts.thresholds.split(',').map(Number);
      if (thresholds.some((t) => !(t > 0 && t < 1)))
        throw new CliError('--thresholds：须为 0 与 1 之间的数', '--thresholds: numbers between 0 and 1');
      const started = performance.now();
      const results = evaluateHotspots(opts.data, thresholds);
      const out = {
        measure: 'pairwise precision/recall/F1, adjusted Rand index, purity',
        defaultThreshold: DEFAULT_THRESHOLD,
        results,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      console.log(JSON.stringify(out, null, 2));
    });
  hotspots
    .command('purity')
    .description('热点纯度（一个热点只谈一件事）/ hot-issue purity, without and with the matter guard')
    .option('--data <dir>', 'shared data folder', path.resolve(PROJECT_ROOT, '../shared/data'))
    .option('--demo-days <n>', 'days of demo history before the measured month (0: no demo month)', '64')
    .action(async (opts: { data: string; demoDays: string }) => {
      const days = Number(opts.demoDays);
      if (!Number.isInteger(days) || days < 0) throw new CliError('--demo-days：须为非负整数', '--demo-days: a whole number ≥ 0');
      const started = performance.now();
      const out = {
        measure: 'purity = share of a hot issue’s appeals in its majority category, weighted by size',
        realData: realDataPurity(opts.data),
        demoMonth: days > 0 ? await demoMonthPurity({ days }) : null,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      console.log(JSON.stringify(out, null, 2));
    });
  return hotspots;
};
