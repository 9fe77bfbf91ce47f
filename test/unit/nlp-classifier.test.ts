import { describe, expect, it } from 'vitest';
import { fitTemperature, LABEL_SMOOTHING, trainCalibrated } from '../../src/nlp/calibration.js';
import { fitMacroF1Offsets, heldOutMargins } from '../../src/nlp/class-offsets.js';
import { stratifiedFolds } from '../../src/nlp/cross-validation.js';
import { evaluateOnSplit } from '../../src/nlp/evaluation.js';
import { classificationMetrics } from '../../src/nlp/metrics.js';
import { decodeClassifier, encodeClassifier } from '../../src/nlp/model-codec.js';
import { defaultSvmOptions } from '../../src/nlp/linear-svm.js';
import {
  probabilities,
  defaultClassifierOptions,
  predictLabel,
  rankLabels,
  trainClassifier,
  type LabelledAppeal,
} from '../../src/nlp/text-classifier.js';
import { extractTermCounts, normaliseText, SEP } from '../../src/nlp/text-features.js';
import { fitTfidf, vectorize } from '../../src/nlp/tfidf.js';
import { rollUpRareLabels } from '../../src/nlp/training-labels.js';

const options = { charNgrams: [1, 3] as const, wordBigrams: true, titleFamily: true };

// A separable toy set written for this test: road, school and water vocabulary.
const TOPICS: Record<string, string[]> = {
  交通: ['公交车晚点', '红绿灯坏了', '道路拥堵', '出租车拒载', '停车位不够'],
  教育: ['学校乱收费', '老师体罚学生', '幼儿园学位紧张', '课外补习班', '学生校车'],
  供水: ['自来水停水', '水管爆裂', '水质发黄', '水压太低', '水表读数不准'],
};

function toySet(repeat: number): LabelledAppeal[] {
  const rows: LabelledAppeal[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const [label, phrases] of Object.entries(TOPICS)) {
      const a = phrases[r % phrases.length]!;
      const b = phrases[(r + 2) % phrases.length]!;
      rows.push({ title: r % 2 ? a : '', detail: `反映${a}，另外${b}，希望尽快解决。`, label });
    }
  }
  return rows;
}

describe('features', () => {
  it('normalises width, case and digit runs', () => {
    expect(normaliseText('ＡＢＣ１２３号楼 A3区')).toBe('abc0号楼 a0区');
  });

  it('extracts jieba words, word bigrams, character 1–3-grams and title words', () => {
    const counts = extractTermCounts({ title: '停水', detail: '小区停水了' }, options);
    expect(counts.get(`w${SEP}小区`)).toBe(1);
    expect(counts.get(`w${SEP}小区_停水`)).toBe(1);
    expect(counts.get(`c${SEP}停水`)).toBe(1); // a title already inside the body is not added twice
    expect(counts.get(`c${SEP}区停水`)).toBe(1);
    expect(counts.get(`t${SEP}停水`)).toBe(1);
    expect([...counts.keys()].some((k) => k.includes('，'))).toBe(false);
  });

  it('weights with sublinear tf-idf and l2-normalises each family', () => {
    const docs = [
      new Map([
        [`w${SEP}停水`, 3],
        [`w${SEP}小区`, 1],
      ]),
      new Map([[`w${SEP}小区`, 1]]),
    ];
    const vocab = fitTfidf(docs, { minDf: 1, familyWeights: { w: 1, c: 1, t: 1, r: 1 } });
    const v = vectorize(vocab, docs[0]!);
    const norm = Math.sqrt(v.val.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 5);
    const value = (key: string) => v.val[v.idx.indexOf(vocab.index.get(key)!)]!;
    expect(value(`w${SEP}停水`)).toBeGreaterThan(value(`w${SEP}小区`)); // rarer and repeated
  });
});

describe('training', () => {
  it('learns a separable toy set and ranks with probabilities that sum to at most 1', () => {
    const model = trainClassifier(toySet(10));
    expect(predictLabel(model, { title: '', detail: '家门口水管爆裂，停水两天了' })).toBe('供水');
    expect(predictLabel(model, { title: '学校乱收费', detail: '' })).toBe('教育');
    const ranked = rankLabels(model, { title: '', detail: '公交车晚点，道路拥堵' });
    expect(ranked[0]!.label).toBe('交通');
    expect(ranked.map((r) => r.probability).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(ranked[0]!.probability).toBeGreaterThan(ranked[1]!.probability);
  });

  it('survives the JSON round trip with the same scores', () => {
    const model = trainClassifier(toySet(6), undefined, 2.5);
    const back = decodeClassifier(encodeClassifier(model));
    const doc = { title: '', detail: '红绿灯坏了，水压太低' };
    expect(back.temperature).toBe(2.5);
    expect(rankLabels(back, doc)).toEqual(rankLabels(model, doc));
  });

  it('evaluates a test set holding a label never seen in training (its F1 is 0)', () => {
    const test = [...toySet(2), { title: '', detail: '景区门票太贵', label: '旅游' }];
    const report = evaluateOnSplit(toySet(8), test);
    expect(report.per_class_f1['旅游']).toBe(0);
    expect(report.accuracy).toBeCloseTo(6 / 7, 4);
    // the unseen row lands in one known class: F1s 1, 1, 0.8 (one false positive) and 0
    expect(report.macro_f1).toBeCloseTo(0.7, 4);
    expect(report.test_rows).toBe(7);
  });
});

describe('metrics, folds, calibration, label roll-up', () => {
  it('computes accuracy and macro-F1 by hand', () => {
    const m = classificationMetrics(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(m.accuracy).toBe(0.75);
    expect(m.per_class_f1).toEqual({ a: 2 / 3, b: 0.8 });
    expect(m.macro_f1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
  });

  it('deals stratified folds that partition the rows and keep the label mix', () => {
    const labels = [...Array(10).fill('x'), ...Array(5).fill('y')];
    const folds = stratifiedFolds(labels, 5);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
    for (const f of folds) expect(f.filter((i) => labels[i] === 'y')).toHaveLength(1);
  });

  it('fits a larger temperature when margins are reliably right, a smaller one when they mislead', () => {
    const scores = Array.from({ length: 50 }, () => Float64Array.from([1, -1]));
    const sure = fitTemperature(scores, Array(50).fill(0));
    const mixed = fitTemperature(scores, [...Array(35).fill(0), ...Array(15).fill(1)]);
    // Always right: as sure as the label smoothing lets it be (99 %), never a bare 100 %.
    expect(probabilities(Float64Array.from([1, -1]), sure)[0]).toBeCloseTo(1 - LABEL_SMOOTHING, 3);
    expect(sure).toBeGreaterThan(2);
    expect(mixed).toBeLessThan(1);
    expect(mixed).toBeGreaterThan(0);
  });

  it('rolls rare labels up to their parent and drops singletons at the root', () => {
    const parents = new Map<string, string | null>([
      ['leaf1', 'root'],
      ['leaf2', 'root'],
      ['root', null],
      ['lone', null],
    ]);
    const out = rollUpRareLabels(['leaf1', 'leaf1', 'leaf1', 'leaf2', 'leaf2', 'lone'], parents, 3);
    expect(out).toEqual(['leaf1', 'leaf1', 'leaf1', 'root', 'root', null]);
  });
});

describe('macro-F1 offsets and title characters', () => {
  it('lifts an under-predicted small class until held-out macro-F1 stops improving', () => {
    // class 1 (small) loses every close call to class 0 by a margin of 0.1
    const scores: Float64Array[] = [];
    const truth: number[] = [];
    for (let i = 0; i < 80; i++) {
      scores.push(Float64Array.from([1, -1]));
      truth.push(0);
    }
    for (let i = 0; i < 20; i++) {
      scores.push(Float64Array.from([0.3, 0.2]));
      truth.push(1);
    }
    const offsets = fitMacroF1Offsets(scores, Int32Array.from(truth), 2);
    expect(offsets[1]! - offsets[0]!).toBeGreaterThan(0.1);
    expect(offsets[1]! - offsets[0]!).toBeLessThan(2); // and the large class keeps its rows
    expect(fitMacroF1Offsets(scores.slice(0, 80), Int32Array.from(truth.slice(0, 80)), 2)).toEqual(new Float64Array(2));
  });

  it('scores every training row by a model that did not see it', () => {
    const rows = toySet(12);
    const labels = [...new Set(rows.map((r) => r.label))].sort();
    const counts = rows.map((r) => extractTermCounts(r, options));
    const vocab = fitTfidf(counts, { minDf: 1, familyWeights: { w: 1, c: 1, t: 0.5, r: 0.5 } });
    const xs = counts.map((c) => vectorize(vocab, c));
    const ys = Int32Array.from(rows, (r) => labels.indexOf(r.label));
    const held = heldOutMargins(xs, ys, labels.length, vocab.keys.length, defaultSvmOptions, 3);
    expect(held).toHaveLength(rows.length);
    const right = held.filter((s, i) => s.indexOf(Math.max(...s)) === ys[i]).length;
    expect(right / rows.length).toBeGreaterThan(0.9); // the toy topics are separable
  });

  it('folds the offsets into the stored biases, so a model with offsets round-trips unchanged', () => {
    const rows = toySet(40);
    const plain = trainClassifier(rows, { ...defaultClassifierOptions, offsetFolds: 0 });
    const lifted = trainClassifier(rows, { ...defaultClassifierOptions, offsetFolds: 3 });
    expect(lifted.model.weights).toEqual(plain.model.weights);
    const back = decodeClassifier(encodeClassifier(lifted));
    expect(Array.from(back.model.bias)).toEqual(Array.from(lifted.model.bias));
    expect(predictLabel(back, { title: '', detail: '水管爆裂' })).toBe('供水');
  });

  it('trains and calibrates in one pass: held-out figures, offsets in the biases, a fitted temperature', () => {
    const rows = toySet(40);
    const { classifier, heldOut } = trainCalibrated(rows, defaultClassifierOptions);
    expect(heldOut.folds).toBe(3);
    expect(heldOut.accuracy).toBeGreaterThan(0.9);
    expect(heldOut.macro_f1_with_offsets).toBeGreaterThanOrEqual(heldOut.macro_f1);
    expect(classifier.temperature).toBe(heldOut.temperature);
    expect(classifier.temperature).toBeGreaterThan(0);
    expect(rankLabels(classifier, { title: '', detail: '水质发黄' })[0]!.label).toBe('供水');
  });

  it('a model stored with the options of ADR 0050 (no titleChars, no offsets) still decodes and scores the same', () => {
    const adr0050 = {
      features: { charNgrams: [1, 3] as const, wordBigrams: true, titleFamily: true },
      tfidf: { minDf: 2, familyWeights: { w: 1, c: 1, t: 0.5, r: 0.5 } },
      svm: defaultSvmOptions,
    };
    const old = trainClassifier(toySet(6), adr0050);
    const back = decodeClassifier(encodeClassifier(old));
    expect(back.options.features.titleChars).toBeUndefined();
    expect(back.vocab.keys.some((k) => k === `t${SEP}停`)).toBe(false);
    const doc = { title: '停水', detail: '自来水停水' };
    expect(rankLabels(back, doc)).toEqual(rankLabels(old, doc));
  });

  it('adds title character n-grams to the title family only when asked', () => {
    const doc = { title: '停水', detail: '小区停水了' };
    expect(extractTermCounts(doc, { ...options, titleChars: true }).get(`t${SEP}停`)).toBe(1);
    expect(extractTermCounts(doc, options).get(`t${SEP}停`)).toBeUndefined();
  });
});
