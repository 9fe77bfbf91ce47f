import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { IMPORT_FIELD_LABELS, IMPORT_PROBLEM_LABELS, type ImportReportView } from '../../contract/imports.js';
import { parseImportMapping } from '../../imports/import.schemas.js';
import { DEFAULT_BATCH_SIZE, importOrders } from '../../imports/order-import.service.js';
import { findCentreByCode, listCentres } from '../../org/unit.repository.js';
import { systemActor } from '../../users/roles.js';
import { CliError } from '../cli-error.js';
import { integerAtLeast } from '../options.js';
import { progressBar } from '../progress-bar.js';
import { withRuntime } from '../with-runtime.js';

function readMapping(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw e;
    throw new CliError(`映射文件不是有效的 JSON：${file}`, `the mapping file is not valid JSON: ${file}`);
  }
  return parseImportMapping(json);
}

/** Every bad row, one line each: row number, field, reason (zh / en) and the cell. */
export function printProblems(report: ImportReportView<Date>, out: (line: string) => void) {
  for (const p of report.problems) {
    const field = p.field === 'row' ? { zh: '整行', en: 'row' } : IMPORT_FIELD_LABELS[p.field];
    const why = IMPORT_PROBLEM_LABELS[p.reason];
    out(
      `第 ${p.row} 行 row ${p.row}  ${field.zh} ${p.field}: ${why.zh} / ${why.en}${p.value !== null ? `  「${p.value}」` : ''}`,
    );
  }
}

export const importCommand = () => {
  const cmd = new Command('import').description('导入原系统数据 / import a previous system’s records');
  cmd
    .command('orders <file>')
    .description('导入历史工单（.xlsx 或 .csv）/ import past orders from an .xlsx or .csv file (ADR 0183)')
    .requiredOption('--mapping <mapping.json>', '列映射文件 / the column mapping (docs/import/README.md)')
    .option('--dry-run', '只检查，不写入：列出每个有问题的行 / check only: list every bad row, write nothing')
    .option('--centre <code>', '中心编码 / centre code (default: the first centre)')
    .option('--batch-size <n>', `每批提交的行数 / rows per committed batch (default ${DEFAULT_BATCH_SIZE})`, integerAtLeast(1))
    .action(async (file: string, opts: { mapping: string; dryRun?: boolean; centre?: string; batchSize?: number }) => {
      const mapping = readMapping(opts.mapping);
      const bytes = fs.readFileSync(file);
      await withRuntime(async (rt) => {
        const centre = opts.centre ? await findCentreByCode(rt.deps.db, opts.centre) : (await listCentres(rt.deps.db))[0];
        if (!centre) throw new CliError('中心不存在（先运行 lianxin seed）', 'no such centre (run lianxin seed first)');
        const actor = { ...systemActor(centre.id, 'cli-import'), roles: ['admin' as const] };
        const check = progressBar('检查 check');
        const write = progressBar('导入 import');
        const report = await importOrders(rt.deps, actor, {
          fileName: path.basename(file),
          bytes,
          mapping,
          dryRun: opts.dryRun === true,
          batchSize: opts.batchSize,
          allProblems: true,
          onProgress: (p) => (p.phase === 'check' ? check : write).update(p.done, p.total),
        });
        check.end();
        if (report.runId) write.end();
        printProblems(report, (line) => console.log(line));
        console.log(
          `共 ${report.totalRows} 行：合格 ${report.goodRows}，有问题 ${report.badRows} / ${report.totalRows} rows: ${report.goodRows} good, ${report.badRows} bad`,
        );
        if (report.dryRun) {
          console.log('试运行，未写入任何数据 / dry run: nothing written');
        } else if (report.badRows > 0) {
          console.log('有问题的行须先修正，未导入任何数据 / mend the bad rows first: nothing imported');
        } else {
          if (report.resumedFromRow > 0)
            console.log(`从第 ${report.resumedFromRow} 行之后继续 / resumed after row ${report.resumedFromRow}`);
          console.log(
            `已导入 ${report.imported} 件，已存在跳过 ${report.skipped} 件 / imported ${report.imported}, skipped ${report.skipped} already imported (run ${report.runId})`,
          );
        }
        if (report.badRows > 0) process.exitCode = 1;
      });
    });
  return cmd;
};
