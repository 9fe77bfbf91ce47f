import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Chinese word segmentation (jieba). One shared instance: loading the dictionary takes ~0.5 s.
 * `addUserWords` adds place and unit names (e.g. 锡林浩特市, 热力公司) so they stay whole.
 */
let jieba: Jieba | undefined;
const userWords = new Set<string>();

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Adds words (one per entry, optional frequency) to the segmenter's dictionary. */
export function addUserWords(words: readonly string[], frequency = 100_000): void {
  const fresh = words.map((w) => w.trim()).filter((w) => w.length > 1 && !userWords.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) userWords.add(w);
  instance().loadDict(Buffer.from(fresh.map((w) => `${w} ${frequency}`).join('\n')));
}

/** Precise-mode segmentation. */
export function segment(text: string): string[] {
  return instance().cut(text, true);
}

/** Search-mode segmentation: long words are also split into their shorter dictionary words. */
export function segmentForSearch(text: string): string[] {
  return instance().cutForSearch(text, true);
}

const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;

/** Tokens worth indexing: no punctuation or whitespace, lower-cased Latin. */
export function indexTokens(text: string): string[] {
  return segmentForSearch(text)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !PUNCT_OR_SPACE.test(t));
}
