import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { parseLabelledCsv } from '../../nlp/csv.js';
import { crossValidate, evaluateOnSplit } from '../../nlp/evaluation.js';
import { listNlpModels } from '../../nlp/nlp-model.repository.js';
import { trainCentreModels } from '../../nlp/nlp-training.service.js';
import { demoUnitCrossValidation } from '../../demo/demo-unit-cv.service.js';
import { findCentreByCode, listCentres } from '../../org/unit.repository.js';
import { integerAtLeast } from '../options.js';
import { withRuntime } from '../with-runtime.js';

const readRows = (file: string) => parseLabelledCsv(fs.readFileSync(file, 'utf8'));
const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

/** Prints k-fold figures: progress per fold on stderr, one JSON object on stdout. */
function runCrossValidation(data: string, folds: number): void {
  const rows = readRows(data);
  const report = crossValidate(rows, folds, undefined, (f, r) =>
    console.error(`fold ${f + 1}/${folds}: accuracy ${r.accuracy} macro_f1 ${r.macro_f1} (${r.train_seconds} s)`),
  );
  print({ folds: report.folds, mean: report.mean });
}

const evalCommand = () =>
  new Command('eval')
    .description('分类评测 / train on one CSV (id,title,detail,label), evaluate on another; prints one JSON object')
    .option('--train <csv>', 'training file')
    .option('--test <csv>', 'test file')
    .option('--cv <k>', 'k-fold stratified cross-validation on --data instead', integerAtLeast(2))
    .option('--data <csv>', 'data for --cv')
    .action((o: { train?: string; test?: string; cv?: number; data?: string }) => {
      if (o.cv !== undefined) {
        if (!o.data) throw new InvalidArgumentError('--cv 需要 --data <csv> / --cv needs --data <csv>');
        return runCrossValidation(o.data, o.cv);
      }
      if (!o.train || !o.test)
        throw new InvalidArgumentError(
          '请给出 --train <csv> 和 --test <csv>（或 --cv k --data <csv>）/ give --train <csv> and --test <csv> (or --cv k --data <csv>)',
        );
      print(evaluateOnSplit(readRows(o.train), readRows(o.test)));
    });

const cvCommand = () =>
  new Command('cv')
    .description('分层 k 折交叉验证 / stratified k-fold cross-validation of the classifier')
    .requiredOption('--data <csv>', 'labelled file (id,title,detail,label)')
    .option('--folds <k>', 'number of folds', integerAtLeast(2), 5)
    .action((o: { data: string; folds: number }) => runCrossValidation(o.data, o.folds));

const trainCommand = () =>
  new Command('train')
    .description('用本中心已办结工单训练分类与承办单位推荐模型 / train the suggestion models from closed orders')
    .option('--centre <code>', 'only this centre (default: every centre)')
    .action(async (o: { centre?: string }) => {
      await withRuntime(async (rt) => {
        const centres = o.centre ? [await findCentreByCode(rt.deps.db, o.centre)] : await listCentres(rt.deps.db);
        if (centres.some((c) => !c)) throw new InvalidArgumentError(`中心 ${o.centre} 不存在 / centre ${o.centre} not found`);
        for (const centre of centres) {
          const outcomes = await trainCentreModels(rt.deps, centre!.id);
          print({ centre: centre!.code, outcomes });
        }
      });
    });

const modelsCommand = () =>
  new Command('models').description('列出已训练的模型版本 / list stored model versions').action(async () => {
    await withRuntime(async (rt) => {
      for (const centre of await listCentres(rt.deps.db)) {
        const models = await listNlpModels(rt.deps.db, centre.id);
        print({ centre: centre.code, models });
      }
    });
  });

const unitCvCommand = () =>
  new Command('unit-cv')
    .description(
      '承办单位推荐的 5 折交叉验证（演示历史，含/不含区域规则）/ k-fold CV of unit suggestions on the demo history, with and without the region rule',
    )
    .option('--folds <k>', 'number of folds', integerAtLeast(2), 5)
    .option('--days <n>', 'days of demo history to generate', integerAtLeast(1), 120)
    .option('--per-day <n>', 'appeals per day', integerAtLeast(1), 8)
    .action(async (o: { folds: number; days: number; perDay: number }) => {
      print(await demoUnitCrossValidation({ folds: o.folds, days: o.days, perDay: o.perDay, log: (l) => console.error(l) }));
    });

/**
 * Sub-commands of `lianxin nlp`, listed explicitly. Other text capabilities (search, knowledge,
 * duplicates) add theirs here: write a `() => Command` and append it.
 */
export const nlpSubcommands: (() => Command)[] = [evalCommand, cvCommand, trainCommand, modelsCommand, unitCvCommand];

export const nlpCommand = () => {
  const nlp = new Command('nlp').description('文本智能：分类与承办单位推荐 / text intelligence: suggestion models');
  for (const make of nlpSubcommands) nlp.addCommand(make());
  return nlp;
};
