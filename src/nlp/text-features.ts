import { segment } from '../text/segment.js';

/** The text of one appeal as the classifier sees it: the title (may be empty) and the body. */
export interface AppealText {
  title: string;
  detail: string;
  /** Where the appeal is (a region id): the handling unit often depends on it, the topic does not. */
  regionId?: string | null;
}

/** Which token families make up the features; each family is normalised and weighted on its own. */
export interface FeatureOptions {
  /** Character n-gram lengths, e.g. [1, 3] for uni- to tri-grams; null for none. */
  charNgrams: readonly [number, number] | null;
  /** Word bigrams of the jieba segmentation next to the unigrams. */
  wordBigrams: boolean;
  /** Title words as their own family, so the title can weigh more than the body. */
  titleFamily: boolean;
  /** Character n-grams of the title in the title family too (models stored before this lack it: off). */
  titleChars?: boolean;
}

export const defaultFeatureOptions: FeatureOptions = {
  charNgrams: [1, 3],
  wordBigrams: true,
  titleFamily: true,
  titleChars: true,
};

/** Feature families; a feature key is `<family>\u0001<token>`. */
export const FAMILIES = ['w', 'c', 't', 'r'] as const;
export type Family = (typeof FAMILIES)[number];
export const SEP = '\u0001';

const SKIP_TOKEN = /^[\s\p{P}\p{S}]*$/u;
const DIGITS = /\d+/g;
const SPACE_OR_PUNCT = /[\s\p{P}\p{S}]+/gu;

/**
 * Normalises the surface: full-width to half-width (NFKC), lower case, every digit run to one `0`
 * (door numbers, dates and masked codes like A3 carry no topic but fragment the vocabulary).
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DIGITS, '0');
}

/** jieba words without punctuation or whitespace. */
export function words(text: string): string[] {
  return segment(text).filter((t) => !SKIP_TOKEN.test(t));
}

function addCount(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function addWordFeatures(counts: Map<string, number>, family: Family, tokens: string[], bigrams: boolean): void {
  for (let i = 0; i < tokens.length; i++) {
    addCount(counts, family + SEP + tokens[i]);
    if (bigrams && i > 0) addCount(counts, `${family}${SEP}${tokens[i - 1]}_${tokens[i]}`);
  }
}

/** Character n-grams inside each run of text between punctuation (n-grams never span a comma). */
function addCharFeatures(
  counts: Map<string, number>,
  text: string,
  [lo, hi]: readonly [number, number],
  family: Family = 'c',
): void {
  for (const run of text.split(SPACE_OR_PUNCT)) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 1; n <= hi && i + n <= chars.length; n++) {
        gram += chars[i + n - 1];
        if (n >= lo) addCount(counts, family + SEP + gram);
      }
    }
  }
}

/** Raw term counts of one appeal, keyed by family-prefixed token. */
export function extractTermCounts(doc: AppealText, options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const title = normaliseText(doc.title);
  const body = normaliseText(doc.detail);
  const all = title && !body.includes(title) ? `${title}。${body}` : body || title;
  addWordFeatures(counts, 'w', words(all), options.wordBigrams);
  if (options.charNgrams) addCharFeatures(counts, all, options.charNgrams);
  if (options.titleFamily && title) {
    addWordFeatures(counts, 't', words(title), options.wordBigrams);
    if (options.titleChars && options.charNgrams) addCharFeatures(counts, title, options.charNgrams, 't');
  }
  if (doc.regionId) addCount(counts, 'r' + SEP + doc.regionId);
  return counts;
}

export function familyOf(key: string): Family {
  return key[0] as Family;
}
