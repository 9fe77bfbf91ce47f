import { performance } from 'node:perf_hooks';
import { ownedBytes, runInThread, type ThreadReply } from '../shared/run-in-thread.js';
import { addUserWords, listUserWords } from '../text/segment.js';
import { trainCalibrated, type HeldOutFit } from './calibration.js';
import { encodeClassifier } from './model-codec.js';
import type { ClassifierOptions, LabelledAppeal } from './text-classifier.js';

/** A trained and encoded model, ready for `nlp_models`. */
export interface TrainedModel {
  heldOut: HeldOutFit;
  /** encodeClassifier's gzip(JSON): the stored blob. */
  blob: Uint8Array;
  features: number;
  /** CPU time of fitting and calibration (not encoding, not the thread's start). */
  trainSeconds: number;
}

/**
 * The CPU-bound part of a centre's training: held-out fitting and calibration, the final fit and the
 * encoding to the stored blob. Pure: the same rows and options give the same bytes.
 */
export function trainAndEncode(rows: readonly LabelledAppeal[], options: ClassifierOptions): TrainedModel {
  const started = performance.now();
  const { classifier, heldOut } = trainCalibrated(rows, options, 3);
  const trainSeconds = (performance.now() - started) / 1000;
  const blob = ownedBytes(encodeClassifier(classifier));
  return { heldOut, blob, features: classifier.vocab.keys.length, trainSeconds };
}

interface TrainInput {
  rows: readonly LabelledAppeal[];
  options: ClassifierOptions;
  /** The caller's jieba user words (unit and place names), so the thread segments as it would. */
  userWords: string[];
}

/** Thread entry (runs in the worker): see trainInThread. */
export function trainModelEntry(input: TrainInput): ThreadReply<TrainedModel> {
  addUserWords(input.userWords);
  const value = trainAndEncode(input.rows, input.options);
  return { value, transfer: [value.blob.buffer as ArrayBuffer] };
}

/**
 * trainAndEncode in a worker thread, so a combined web + worker process keeps answering requests
 * during a retraining (ADR 0050). Same result as in-process: the thread gets the same rows, options
 * and segmenter user words; the blob comes back transferred, not copied.
 */
export function trainInThread(rows: readonly LabelledAppeal[], options: ClassifierOptions): Promise<TrainedModel> {
  const input: TrainInput = { rows, options, userWords: listUserWords() };
  return runInThread<TrainInput, TrainedModel>(new URL(import.meta.url), 'trainModelEntry', input);
}
