import { Command } from 'commander';
import { withRuntime } from '../with-runtime.js';
import { CliError } from '../cli-error.js';
import { runRetention, setCentreRetentionYears } from '../../retention/retention.service.js';

/** `lianxin retention`: the end of personal-data retention of closed orders (ADR 0174). */
export const retentionCommand = () => {
  const cmd = new Command('retention').description('个人信息保存期限 / personal-data retention of closed orders (ADR 0174)');
  cmd
    .command('run')
    .description(
      '删除超过保存期限的已办结工单的个人信息（worker 每日一次）/ erase personal data past retention (the worker does daily)',
    )
    .option('--dry-run', '只统计，不删除 / only count what is due')
    .option('--centre <code>', '只处理该中心 / one centre only')
    .action(async (opts: { dryRun?: boolean; centre?: string }) => {
      await withRuntime(async (rt) => {
        const reports = await runRetention(rt.deps, { dryRun: opts.dryRun === true, centreCode: opts.centre });
        for (const r of reports) {
          const when = r.closedBefore.toISOString().slice(0, 10);
          console.log(
            opts.dryRun
              ? `${r.centre}: ${r.due} 件到期（办结早于 ${when}，保存 ${r.retentionYears} 年）/ ${r.due} orders due (closed before ${when}, ${r.retentionYears} years) — dry run, nothing erased`
              : `${r.centre}: 已删除 ${r.anonymised} 件的个人信息，尚余 ${r.due} 件 / personal data erased from ${r.anonymised} orders, ${r.due} still due (closed before ${when})`,
          );
        }
      });
    });
  cmd
    .command('years <years>')
    .description('设置中心的保存年限（1–30，默认 3）/ set a centre’s retention in years (1–30, default 3)')
    .requiredOption('--centre <code>', '中心代码 / centre code')
    .action(async (years: string, opts: { centre: string }) => {
      const n = Number(years);
      if (!Number.isInteger(n) || n < 1 || n > 30)
        throw new CliError(`保存年限须为 1–30 的整数：${years}`, `years must be an integer 1–30, got "${years}"`);
      await withRuntime(async (rt) => {
        await setCentreRetentionYears(rt.deps, opts.centre, n);
        console.log(`${opts.centre}: 保存 ${n} 年 / retention ${n} years`);
      });
    });
  return cmd;
};
