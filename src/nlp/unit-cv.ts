import { stratifiedFolds } from './cross-validation.js';
import { applyRegionScope } from './region-scope.js';
import { trainCalibrated } from './calibration.js';
import { defaultClassifierOptions, rankLabels, type ClassifierOptions, type LabelledAppeal } from './text-classifier.js';

export interface TopAccuracy {
  /** Share of held-out appeals whose handling unit is the first suggestion. */
  top1: number;
  /** Share whose handling unit is among the first three (what the intake screen shows). */
  top3: number;
}

export interface UnitCvReport {
  rows: number;
  labels: number;
  folds: number;
  withoutRegion: TopAccuracy;
  withRegion: TopAccuracy;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * k-fold stratified cross-validation of unit suggestions, scored as the operator sees them (top 1
 * and top 3), with and without the region rule (ADR 0086) applied to the same held-out rankings.
 */
export function crossValidateUnits(
  rows: readonly LabelledAppeal[],
  inScope: (unitId: string, regionId: string | null) => boolean,
  k = 5,
  options: ClassifierOptions = defaultClassifierOptions,
): UnitCvReport {
  const hits = { plain: [0, 0], scoped: [0, 0] };
  const count = (ranked: readonly { label: string }[], truth: string, into: number[]) => {
    const at = ranked.findIndex((r) => r.label === truth);
    if (at === 0) into[0]! += 1;
    if (at >= 0 && at < 3) into[1]! += 1;
  };
  for (const test of stratifiedFolds(
    rows.map((r) => r.label),
    k,
  )) {
    const held = new Set(test);
    // trained and calibrated as the stored model is, so probabilities are weighed as at intake
    const { classifier } = trainCalibrated(
      rows.filter((_, i) => !held.has(i)),
      options,
    );
    for (const i of test) {
      const row = rows[i]!;
      const ranked = rankLabels(classifier, row, classifier.labels.length);
      count(ranked, row.label, hits.plain);
      count(
        applyRegionScope(ranked, (unit) => inScope(unit, row.regionId ?? null)),
        row.label,
        hits.scoped,
      );
    }
  }
  const share = (n: number) => (rows.length > 0 ? round(n / rows.length) : 0);
  return {
    rows: rows.length,
    labels: new Set(rows.map((r) => r.label)).size,
    folds: k,
    withoutRegion: { top1: share(hits.plain[0]!), top3: share(hits.plain[1]!) },
    withRegion: { top1: share(hits.scoped[0]!), top3: share(hits.scoped[1]!) },
  };
}
