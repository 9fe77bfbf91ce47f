import { isUserWord, segment, segmentDictionaryOnly } from '../../text/segment.js';
import { topTerms, type Cluster } from './hotspot-cluster.js';

/**
 * Words jieba yields whole that still say nothing about the topic of a hot issue: directional
 * complements, intent and time words, vague places and quantities (我从外地回来…, 想开一家店…).
 * Only the label skips them; clustering keeps its own short list (hotspot-text.ts).
 */
const LABEL_STOPWORDS = new Set(
  (
    '回来 回去 出来 出去 起来 过来 过去 进来 进去 下来 下去 上来 上去 想开 想要 想问 想办 打算 准备 需要 ' +
    '哪些 哪里 哪儿 哪个 怎样 怎么办 为何 一家 一些 一点 一处 一带 有人 有关 每天 经常 多次 附近 这里 那里 ' +
    '家里 左右 以上 以下 之后 之前 时候 期间 至今 今年 去年 最近 昨天 今天 昨晚 晚上 白天 有时 同时 然后 ' +
    '导致 造成 出现 发现 存在 这条 那条 一条 一个 多个 几个'
  ).split(' '),
);

/** Measure words: 5头牛 segments as 5 / 头牛, a count glued to its noun. */
const MEASURE_WORDS = new Set([...'头只个条家台辆栋幢层户位名次块张间套件把本根匹口']);
const NUMERAL_BEFORE = /[0-9０-９一二两三四五六七八九十百千万几多]$/u;

/**
 * Endings of road and estate names (桑根达来路, 那达慕大街, 锦绣园, 金桥花园); `道` is left out: 楼道,
 * 街道, 渠道 are no roads.
 */
const PLACE_END = /(?:路|街|巷|胡同|大道|小区|花园|家园|嘉园|园|苑|新村)$/u;
/** Tokens that are a place by themselves (A旗, 某镇): a road name starts after them. */
const ADMIN_END = /[省市县区旗盟镇乡]$/u;
const HAN = /^\p{Script=Han}+$/u;
const MAX_NAME_TOKENS = 4;
/** Single-character words that end a run (在团结大街, 额尔敦路与那达慕大街); other single characters may be part of a name (白音/达/来路). */
const FUNCTION_CHARS = new Set([...'在从到的和与及或向往对把被给于是有了就也都这那其该每各此个我你他她它们并而请很']);

/**
 * Names in a text: those of the centre's dictionary (锡林浩特市) as jieba yields them, and road and
 * estate names as the runs of tokens jieba splits them into: 桑根达 / 来路 →
 * 桑根达来路, 锦绣 / 园 → 锦绣园.
 * A run starts after anything that is not Han (punctuation, a number), after a function character
 * (在/从/与/的), after a name of the centre's dictionary or an administrative place, and ends
 * with a token ending like a road or an estate (PLACE_END); a single token is no run (马路, 额尔敦路
 * are whole).
 */
export function placeNames(text: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  for (const raw of segment(text)) {
    const t = raw.trim().toLowerCase();
    const chars = [...t].length;
    if (isUserWord(t)) names.push(t); // a name of the centre's dictionary (place, unit, category)
    const boundary =
      !HAN.test(t) ||
      isUserWord(t) ||
      (chars >= 2 && ADMIN_END.test(t)) ||
      (chars === 1 && FUNCTION_CHARS.has(t)) ||
      LABEL_STOPWORDS.has(t);
    if (boundary) {
      run = [];
      continue;
    }
    run.push(t);
    if (PLACE_END.test(t)) {
      // A name is a few words (乌兰/达/来路): longer runs keep their end only.
      if (run.length >= 2) names.push(run.slice(-MAX_NAME_TOKENS).join(''));
      run = [];
    }
  }
  return names;
}

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
 * Falls back to the plain heaviest words when nothing is left.
 */
export function hotspotKeywords(cluster: Cluster, texts: readonly string[], n: number): string[] {
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
    if (word && !keywords.includes(word)) keywords.push(word);
    if (keywords.length === n) break;
  }
  return keywords.length > 0 ? keywords : candidates.slice(0, n);
}
