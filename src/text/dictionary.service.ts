import type { Executor } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { listCentreNames } from './dictionary.repository.js';
import { addUserWords } from './segment.js';

/** How long a centre's loaded names count as fresh; new units appear in segmentation after this. */
const REFRESH_MS = 10 * 60 * 1000;
const loadedAt = new Map<string, number>();

/**
 * Splits a unit or place name into the dictionary words it should yield: the whole name and, for
 * names built as "<place><organisation>" (A旗住建局), the organisation part on its own as well.
 */
export function dictionaryWordsFor(name: string): string[] {
  const words = [name.trim()];
  const m = /^(.+?[省市县区旗盟镇乡苏木街道村嘎查])(.{2,})$/u.exec(name.trim());
  if (m) words.push(m[1]!, m[2]!);
  return words.filter((w) => w.length > 1);
}

/**
 * Makes sure the centre's unit, region and category names are in the segmenter's user dictionary
 * before its texts are indexed or searched. Cheap after the first call (cached per centre).
 */
export async function ensureCentreDictionary(db: Executor, clock: Clock, centreId: string): Promise<void> {
  const now = clock.now().getTime();
  const at = loadedAt.get(centreId);
  if (at !== undefined && now - at < REFRESH_MS && now >= at) return;
  const names = await listCentreNames(db, centreId);
  addUserWords(names.flatMap(dictionaryWordsFor));
  loadedAt.set(centreId, now);
}
