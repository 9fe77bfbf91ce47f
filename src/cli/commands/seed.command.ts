import { Command } from 'commander';
import { ensureDemo } from '../../demo/demo.service.js';
import { withRuntime } from '../with-runtime.js';

export const seedCommand = () =>
  new Command('seed')
    .description('生成演示数据 / seed the demo hotline (Xilingol) when the database is empty')
    .requiredOption('--demo', 'seed the demo hotline')
    .option('--days <n>', 'days of history', (v) => Number.parseInt(v, 10), 120)
    .option('--per-day <n>', 'orders per day', (v) => Number.parseInt(v, 10), 8)
    .action(async (opts: { days: number; perDay: number }) => {
      await withRuntime((rt) => ensureDemo(rt.deps, (l) => console.log(l), { days: opts.days, perDay: opts.perDay }));
    });
