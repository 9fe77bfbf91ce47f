import { gunzipSync, gzipSync } from 'node:zlib';
import { indexOf } from './tfidf.js';
import type { ClassifierOptions, TextClassifier } from './text-classifier.js';

const FORMAT = 'lianxin-text-classifier/1';

/** The JSON shape of a stored model; float arrays travel as base64 of little-endian float32. */
interface EncodedClassifier {
  format: typeof FORMAT;
  labels: string[];
  options: ClassifierOptions;
  temperature: number;
  keys: string[];
  idf: string;
  weights: string[];
  bias: string;
}

const toBase64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64(text: string, expectedLength: number): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength !== expectedLength * 4) throw new Error('model blob is corrupt: array length mismatch');
  const copy = new Uint8Array(bytes); // aligned copy for the Float32Array view
  return new Float32Array(copy.buffer, 0, expectedLength);
}

/** gzip(JSON): compact enough for a bytea column, readable with standard tools when unzipped. */
export function encodeClassifier(c: TextClassifier): Buffer {
  const encoded: EncodedClassifier = {
    format: FORMAT,
    labels: c.labels,
    options: c.options,
    temperature: c.temperature,
    keys: c.vocab.keys,
    idf: toBase64(c.vocab.idf),
    weights: c.model.weights.map(toBase64),
    bias: toBase64(c.model.bias),
  };
  return gzipSync(JSON.stringify(encoded), { level: 6 });
}

export function decodeClassifier(blob: Uint8Array): TextClassifier {
  const e = JSON.parse(gunzipSync(blob).toString('utf8')) as EncodedClassifier;
  if (e.format !== FORMAT) throw new Error(`unknown model format ${String(e.format)}`);
  const dim = e.keys.length;
  return {
    labels: e.labels,
    options: e.options,
    temperature: e.temperature,
    vocab: {
      keys: e.keys,
      idf: fromBase64(e.idf, dim),
      index: indexOf(e.keys),
      familyWeights: e.options.tfidf.familyWeights,
    },
    model: { dim, weights: e.weights.map((w) => fromBase64(w, dim)), bias: fromBase64(e.bias, e.labels.length) },
  };
}
