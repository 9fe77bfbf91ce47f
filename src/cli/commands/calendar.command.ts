import fs from 'node:fs';
import { Command } from 'commander';
import type { Db } from '../../db/database.js';
import { findOrderByNo } from '../../orders/order.repository.js';
import { findCentreByCode, listCentres } from '../../org/unit.repository.js';
import { withRuntime } from '../with-runtime.js';
import { describeDeadlines } from '../../timelimits/timelimit-admin.service.js';
import { getCalendarMonth } from '../../calendar/calendar.service.js';
import { importOverrides, parseOverrideLines } from '../../calendar/calendar-import.service.js';
import { systemActor, type Actor } from '../../users/roles.js';
import { weekdayOf } from '../../shared/time-zone.js';
import type { DayInfo } from '../../calendar/working-calendar.js';
import { CliError } from '../cli-error.js';

const MARK: Record<DayInfo['reason'], string> = {
  workday: '  ',
  weekend: '  ',
  statutory_holiday: '休',
  makeup_workday: '班',
  centre_holiday: '假',
  centre_workday: '值',
};

async function centreId(db: Db, code: string | undefined): Promise<string> {
  const centre = code ? await findCentreByCode(db, code) : (await listCentres(db))[0];
  if (!centre)
    throw code
      ? new CliError(`中心 ${code} 不存在`, 'no such centre')
      : new CliError('还没有中心（先运行 lianxin seed）', 'no centre yet (run lianxin seed)');
  return centre.id;
}

/** A month as a Monday-first grid: 休 statutory holiday, 班 调休 working day, 假/值 centre overrides. */
function printMonth(days: DayInfo[]) {
  console.log(' 一   二   三   四   五   六   日');
  let line = '     '.repeat((weekdayOf(days[0].date) + 6) % 7);
  for (const d of days) {
    const cell = `${d.date.slice(8)}${d.working ? MARK[d.reason] : d.reason === 'weekend' ? '··' : MARK[d.reason]}`;
    line += cell.padEnd(5);
    if (weekdayOf(d.date) === 0) {
      console.log(line.trimEnd());
      line = '';
    }
  }
  if (line) console.log(line.trimEnd());
}

/** Whoever runs the CLI on the server holds the database: they act as the centre's administrator. */
const cliAdmin = (centreId: string): Actor => ({ ...systemActor(centreId, 'cli'), roles: ['admin'] });

const ms = (v: number | null) => (v === null ? '-' : `${Math.round(v / 60_000)} min`);

export const calendarCommand = () => {
  const cmd = new Command('calendar').description('工作日历与时限 / working calendar and time limits');
  cmd
    .command('show <month>')
    .description('显示某月工作日历（法定节假日、调休、本中心调整）/ show a month, e.g. 2025-10')
    .option('--centre <code>', '中心编码 / centre code (default: the first centre)')
    .action(async (month: string, opts: { centre?: string }) => {
      await withRuntime(async (rt) => {
        const view = await getCalendarMonth(rt.deps, await centreId(rt.deps.db, opts.centre), month);
        console.log(`${view.month}  ${view.timezone}  工作时间 working hours ${view.workPeriods}`);
        printMonth(view.days);
        console.log(
          '  休 法定节假日 holiday · 班 调休上班 make-up working day · 假/值 本中心调整 centre override · ·· 周末 weekend',
        );
        for (const d of view.days.filter((x) => x.name)) {
          console.log(`  ${d.date} ${d.working ? '上班 working' : '休息 day off'}  ${d.name} (${d.reason})`);
        }
        const year = Number(month.slice(0, 4));
        if (!view.coveredYears.includes(year)) {
          console.log(`  注意：${year} 年国务院放假通知尚未收录（仅按周末计算）/ ${year} not covered: weekends only`);
        }
      });
    });
  cmd
    .command('import <file>')
    .description(
      '导入放假安排为本中心日历调整（每行：YYYY-MM-DD,休|班,名称）/ import a holiday notice as centre overrides (lines: YYYY-MM-DD,休|班,name)',
    )
    .option('--centre <code>', '中心编码 / centre code (default: the first centre)')
    .option('--replace', '先删除文件所涉年份的原有调整 / first remove the centre overrides of the years in the file')
    .action(async (file: string, opts: { centre?: string; replace?: boolean }) => {
      const { lines, problems } = parseOverrideLines(fs.readFileSync(file, 'utf8'));
      if (problems.length > 0) {
        for (const p of problems) console.error(`${p.problem.zh} / ${p.problem.en}: ${p.text}`);
        console.error(`未导入任何内容 / nothing imported (${problems.length} problem(s))`);
        process.exitCode = 1;
        return;
      }
      await withRuntime(async (rt) => {
        const id = await centreId(rt.deps.db, opts.centre);
        const { written: n, removed } = await importOverrides(rt.deps, cliAdmin(id), lines, { replace: opts.replace });
        const off = lines.filter((l) => !l.working).length;
        if (opts.replace) console.log(`已删除原有调整 ${removed} 天 / removed ${removed} earlier override(s)`);
        console.log(`已导入 ${n} 天（休 ${off}，班 ${n - off}）/ imported ${n} days (${off} off, ${n - off} working)`);
      });
    });
  cmd
    .command('explain <orderNo>')
    .description('说明工单各环节时限如何计算 / how each deadline of an order was computed')
    .action(async (orderNo: string) => {
      await withRuntime(async (rt) => {
        for (const centre of await listCentres(rt.deps.db)) {
          const order = await findOrderByNo(rt.deps.db, { centreId: centre.id, unitPath: null }, orderNo);
          if (!order) continue;
          const ex = await describeDeadlines(rt.deps, order);
          console.log(`${ex.orderNo}  状态 state ${ex.state}  ${ex.timezone}  现在 now ${ex.nowLocal}`);
          for (const d of ex.deadlines) {
            const e = d.explanation as Record<string, any>;
            const rule = e.rule ?? {};
            console.log(
              `\n[${d.stage}] ${d.status}  ${d.amount} ${d.unit} (${d.clock === 'wall' ? '24/7' : '工作时间 working time'})`,
            );
            console.log(
              `  规则 rule: ${rule.source === 'policy' ? `管理员规则 admin rule ${rule.policyId}` : '默认 default'} — ${rule.note ?? ''}`,
            );
            console.log(
              `  开始 started ${d.startedLocal} → 截止 due ${d.dueLocal}${e.workPeriods ? `  (工作时间 ${e.workPeriods})` : ''}`,
            );
            for (const off of e.daysOff ?? []) console.log(`    ${off.date} ${off.reason}${off.name ? ` ${off.name}` : ''}`);
            console.log(
              `  黄牌 yellow ${e.warnLocal} (${Math.round((e.yellowShare ?? 0) * 100)} %)  催办 urge ${e.urgeLocal ?? '-'}  督办 supervise ${e.superviseLocal ?? '-'}`,
            );
            for (const h of e.history ?? [])
              console.log(
                `  ${h.kind}: ${h.atLocal}${h.dueLocal ? ` → due ${h.dueLocal}` : ''}${h.remainingMs !== undefined ? ` (left ${ms(h.remainingMs)})` : ''}`,
              );
            console.log(`  预警 level ${d.warningLevel ?? '-'}  剩余 remaining ${ms(d.remainingMs)}`);
          }
          return;
        }
        throw new CliError(`工单 ${orderNo} 不存在`, `order ${orderNo} not found`);
      });
    });
  return cmd;
};
