import type { Executor } from '../db/database.js';
import { decodeClassifier } from './model-codec.js';
import { findLatestNlpModelHead, findNlpModelBlob } from './nlp-model.repository.js';
import type { NlpModelKind } from './nlp.table.js';
import type { TextClassifier } from './text-classifier.js';

export interface LoadedModel {
  id: string;
  version: number;
  trainedAt: Date;
  classifier: TextClassifier;
}

// Decoded models per process, keyed by centre and kind. Each request asks the database which
// version is newest (one indexed row, no blob) so a retraining by any process is picked up at once.
const cache = new Map<string, LoadedModel>();

export async function loadLatestModel(db: Executor, centreId: string, kind: NlpModelKind): Promise<LoadedModel | null> {
  const head = await findLatestNlpModelHead(db, centreId, kind);
  const key = `${centreId}:${kind}`;
  if (!head) {
    cache.delete(key);
    return null;
  }
  const cached = cache.get(key);
  if (cached?.id === head.id) return cached;
  const blob = await findNlpModelBlob(db, head.id);
  if (!blob) return null;
  const loaded = { id: head.id, version: head.version, trainedAt: head.trained_at, classifier: decodeClassifier(blob) };
  cache.set(key, loaded);
  return loaded;
}
