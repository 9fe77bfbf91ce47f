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

/**
 * A name as dictionary words: jieba's dictionary is "word frequency" per line, so a name with a space
 * or a control character in it (a unit called "热力 公司") would make the whole load fail ("Load dict
 * failed") and leave the segmenter without the centre's names. It gives its parts instead.
 */
export function dictionaryEntries(word: string): string[] {
  return word
    .split(/[\s\p{Cc}\p{Cf}\p{Z}]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 1);
}

/** Adds words (one per entry, optional frequency) to the segmenter's dictionary. */
export function addUserWords(words: readonly string[], frequency = 100_000): void {
  const fresh = [...new Set(words.flatMap(dictionaryEntries))].filter((w) => !userWords.has(w));
  if (fresh.length === 0) return;
  try {
    instance().loadDict(Buffer.from(fresh.map((w) => `${w} ${frequency}`).join('\n')));
  } catch {
    // A line jieba still refuses must not cost the others: load them one by one, skipping the bad.
    for (const w of [...fresh]) {
      try {
        instance().loadDict(Buffer.from(`${w} ${frequency}`));
      } catch {
        fresh.splice(fresh.indexOf(w), 1);
      }
    }
  }
  for (const w of fresh) userWords.add(w);
}

/** Precise-mode segmentation. */
export function segment(text: string): string[] {
  return instance().cut(text, true);
}

/**
 * Precise mode without the HMM guesses of words absent from the dictionaries: what the dictionary
 * (jieba's and the user words) vouches for. 扎旗街路灯 gives 扎/旗/街/路灯 here, 扎旗/街路/灯 with HMM.
 */
export function segmentDictionaryOnly(text: string): string[] {
  return instance().cut(text, false);
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

const NOT_WORD_CHAR = /[^\p{L}\p{N}]+/u;

/**
 * Lexemes for the `tsvector`/`tsquery` of full-text search: search-mode tokens, lower-cased, split
 * further at anything that is not a letter or digit (so PostgreSQL's 'simple' parser keeps every
 * lexeme whole and documents and queries agree), without stop words.
 */
export function lexemes(text: string): string[] {
  const out: string[] = [];
  for (const token of segmentForSearch(text)) {
    for (const part of token.toLowerCase().split(NOT_WORD_CHAR)) {
      if (part.length > 0 && !STOP_WORDS.has(part)) out.push(part);
    }
  }
  return out;
}

/** Precise-mode lexemes (fewer, longer words): what a typed query asks for. */
export function queryLexemes(text: string): string[] {
  const out: string[] = [];
  for (const token of segment(text)) {
    for (const part of token.toLowerCase().split(NOT_WORD_CHAR)) {
      if (part.length > 0 && !STOP_WORDS.has(part)) out.push(part);
    }
  }
  return [...new Set(out)];
}

/** True when `word` was added with `addUserWords` (place and unit names). */
export const isUserWord = (word: string) => userWords.has(word);

/** The words added with `addUserWords`, in the order added (a worker thread repeats them to segment alike). */
export const listUserWords = (): string[] => [...userWords];

// Function words and courtesy phrases that carry no topic; kept short on purpose.
const STOP_WORDS = new Set(
  (
    '的 了 是 在 我 有 和 就 不 人 都 一 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那 他 她 它 们 我们 你们 他们 ' +
    '与 及 或 而 并 被 把 给 让 对 从 向 为 以 于 之 其 此 该 等 将 已 还 又 再 才 但 却 如 若 因 所 则 呢 吗 吧 啊 呀 ' +
    '哦 嗯 么 什么 怎么 这个 那个 这些 那些 一个 这样 那样 如何 请 您 您好 你好 谢谢 感谢 麻烦 能否 是否 可以 希望 ' +
    '问题 情况 相关 进行 现在 目前 已经 一直 非常 比较 可能 应该 需要 没 个 里 上 下 中 后 前 时 年 月 日 号'
  ).split(' '),
);
