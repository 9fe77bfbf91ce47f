import { segmentDictionaryOnly } from '../../text/segment.js';
import { topTerms, type Cluster } from './hotspot-cluster.js';
import { LABEL_STOPWORDS, placeNames } from './hotspot-places.js';

export { placeNames };

/** Measure words: 5头牛 segments as 5 / 头牛, a count glued to its noun. */
const MEASURE_WORDS = new Set([...'头只个条家台辆栋幢层户位名次块张间套件把本根匹口']);
const NUMERAL_BEFORE = /[0-9０-９一二两三四五六七八九十百千万几多]$/u;

function occurrences(text: string, word: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) at.push(i);
  return at;
}

/**
 * The name `word` is a part of, when every occurrence of `word` in the texts lies inside one of
 * `names` (the most frequent of them; null when some occurrence stands alone or there is none).
 */
function enclosingName(word: string, names: readonly string[], texts: readonly string[]): string | null {
  const containing = names.filter((n) => n !== word && n.includes(word));
  if (containing.length === 0) return null;
  const uses = new Map<string, number>();
  let seen = 0;
  for (const text of texts) {
    const spans = containing.flatMap((n) => occurrences(text, n).map((s) => ({ n, s, e: s + n.length })));
    for (const p of occurrences(text, word)) {
      seen++;
      const inside = spans.find(({ s, e }) => s <= p && p + word.length <= e);
      if (!inside) return null;
      uses.set(inside.n, (uses.get(inside.n) ?? 0) + 1);
    }
  }
  if (seen === 0) return null;
  return [...uses.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
}

/** True when every occurrence of a word starting with a measure word follows a numeral (5头牛 → 头牛). */
function countFragment(word: string, texts: readonly string[]): boolean {
  if (!MEASURE_WORDS.has([...word][0]!)) return false;
  let seen = 0;
  for (const text of texts) {
    for (const p of occurrences(text, word)) {
      seen++;
      if (!NUMERAL_BEFORE.test(text.slice(Math.max(0, p - 1), p))) return false;
    }
  }
  return seen > 0;
}

/** How many of the centroid's heaviest words are looked at to find `n` keywords. */
const CANDIDATES = 40;

/**
 * The keywords of a hot issue: the heaviest words of its centroid (jieba tokens, with the centre's
 * dictionary of place and unit names), where
 * - a word that in the cluster's texts occurs only inside a road or estate name gives way to that
 *   name (来路, 桑根达 → 桑根达来路; 幸福, 家园 → 幸福家园): the place once, not its pieces;
 * - other words must be what the dictionaries themselves yield in most texts that contain them (not
 *   an HMM guess across a name's edge: 街路 of 扎旗街路灯);
 * - stop-like words (回来, 想开) and counts glued to a measure word (头牛 of 5头牛) are left out.
 * - a region name (`regions`) is never a keyword: the hot issue shows its region beside the label.
 * Falls back to the plain heaviest words when nothing is left.
 */
export function hotspotKeywords(
  cluster: Cluster,
  texts: readonly string[],
  n: number,
  regions: ReadonlySet<string> = new Set(),
): string[] {
  const candidates = topTerms(cluster, CANDIDATES);
  const lower = texts.map((t) => t.toLowerCase());
  const dictionaryWords = lower.map((t) => new Set(segmentDictionaryOnly(t).map((w) => w.trim())));
  // Of the texts that contain the word, at least half segment it as a word without the HMM.
  const vouched = (w: string) => {
    let containing = 0;
    let yielded = 0;
    lower.forEach((t, i) => {
      if (!t.includes(w)) return;
      containing++;
      if (dictionaryWords[i]!.has(w)) yielded++;
    });
    return yielded > 0 && yielded * 2 >= containing;
  };
  const names = [...new Set(lower.flatMap(placeNames))];
  const keywords: string[] = [];
  for (const w of candidates) {
    if (LABEL_STOPWORDS.has(w) || countFragment(w, lower)) continue;
    const word = enclosingName(w, names, lower) ?? (vouched(w) ? w : null);
    if (word && !regions.has(word) && !keywords.includes(word)) keywords.push(word);
    if (keywords.length === n) break;
  }
  return keywords.length > 0 ? keywords : candidates.filter((w) => !regions.has(w)).slice(0, n);
}
