import { performance } from 'node:perf_hooks';
import { CsvError } from '../text/csv.js';
import { classificationMetrics, percentile, type ClassificationMetrics } from './metrics.js';
import { stratifiedFolds } from './cross-validation.js';
import {
  defaultClassifierOptions,
  predictLabel,
  trainClassifier,
  type ClassifierOptions,
  type LabelledAppeal,
} from './text-classifier.js';

/** The one JSON object `lianxin nlp eval` prints. */
export interface EvaluationReport extends Omit<ClassificationMetrics, 'support'> {
  train_rows: number;
  test_rows: number;
  train_seconds: number;
  /** CPU time of training (user + system): what train_seconds would be on an idle machine. */
  train_cpu_seconds: number;
  predict_ms_p50: number;
  predict_ms_p95: number;
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

/**
 * Trains on one set and scores the other. Prediction time is measured per appeal, end to end
 * (segmentation, features, scoring), as intake would see it.
 */
export function evaluateOnSplit(
  train: readonly LabelledAppeal[],
  test: readonly LabelledAppeal[],
  options: ClassifierOptions = defaultClassifierOptions,
): EvaluationReport {
  if (train.length === 0) throw new CsvError('训练集没有数据行 / the training set has no rows');
  if (test.length === 0) throw new CsvError('测试集没有数据行 / the test set has no rows');
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const classifier = trainClassifier(train, options);
  const trainSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const predicted: string[] = [];
  const times: number[] = [];
  for (const row of test) {
    const t0 = performance.now();
    predicted.push(predictLabel(classifier, row));
    times.push(performance.now() - t0);
  }
  const m = classificationMetrics(
    test.map((r) => r.label),
    predicted,
  );
  const perClass = Object.fromEntries(Object.entries(m.per_class_f1).map(([k, v]) => [k, round(v)]));
  return {
    accuracy: round(m.accuracy),
    macro_f1: round(m.macro_f1),
    per_class_f1: perClass,
    train_rows: train.length,
    test_rows: test.length,
    train_seconds: round(trainSeconds, 2),
    train_cpu_seconds: round((cpu.user + cpu.system) / 1e6, 2),
    predict_ms_p50: round(percentile(times, 50), 3),
    predict_ms_p95: round(percentile(times, 95), 3),
  };
}

export interface CrossValidationReport {
  folds: EvaluationReport[];
  mean: {
    accuracy: number;
    macro_f1: number;
    per_class_f1: Record<string, number>;
    train_seconds: number;
    train_cpu_seconds: number;
    predict_ms_p50: number;
  };
}

/** k-fold stratified cross-validation; the mean of every figure over the folds. */
export function crossValidate(
  rows: readonly LabelledAppeal[],
  k = 5,
  options: ClassifierOptions = defaultClassifierOptions,
  onFold?: (fold: number, report: EvaluationReport) => void,
): CrossValidationReport {
  const folds = stratifiedFolds(
    rows.map((r) => r.label),
    k,
  );
  const reports = folds.map((testIdx, f) => {
    const inTest = new Set(testIdx);
    const report = evaluateOnSplit(
      rows.filter((_, i) => !inTest.has(i)),
      testIdx.map((i) => rows[i]!),
      options,
    );
    onFold?.(f, report);
    return report;
  });
  const mean = (pick: (r: EvaluationReport) => number) => round(reports.reduce((s, r) => s + pick(r), 0) / reports.length);
  const labels = [...new Set(reports.flatMap((r) => Object.keys(r.per_class_f1)))].sort();
  return {
    folds: reports,
    mean: {
      accuracy: mean((r) => r.accuracy),
      macro_f1: mean((r) => r.macro_f1),
      per_class_f1: Object.fromEntries(labels.map((l) => [l, mean((r) => r.per_class_f1[l] ?? 0)])),
      train_seconds: mean((r) => r.train_seconds),
      train_cpu_seconds: mean((r) => r.train_cpu_seconds),
      predict_ms_p50: mean((r) => r.predict_ms_p50),
    },
  };
}
