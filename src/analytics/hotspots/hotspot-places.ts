import { isUserWord, segment } from '../../text/segment.js';

/**
 * Words jieba yields whole that still say nothing about the topic of a hot issue: directional
 * complements, intent and time words, vague places and quantities (我从外地回来…, 想开一家店…).
 * Only the label skips them; clustering keeps its own short list (hotspot-text.ts).
 */
export const LABEL_STOPWORDS = new Set(
  (
    '回来 回去 出来 出去 起来 过来 过去 进来 进去 下来 下去 上来 上去 想开 想要 想问 想办 打算 准备 需要 ' +
    '哪些 哪里 哪儿 哪个 怎样 怎么办 为何 一家 一些 一点 一处 一带 有人 有关 每天 经常 多次 附近 这里 那里 ' +
    '家里 左右 以上 以下 之后 之前 时候 期间 至今 今年 去年 最近 昨天 今天 昨晚 晚上 白天 有时 同时 然后 ' +
    '导致 造成 出现 发现 存在 这条 那条 一条 一个 多个 几个'
  ).split(' '),
);

/**
 * Endings of road and estate names (桑根达来路, 那达慕大街, 锦绣园, 金桥花园); `道` is left out: 楼道,
 * 街道, 渠道 are no roads.
 */
const PLACE_END = /(?:路|街|巷|胡同|大道|小区|花园|家园|嘉园|园|苑|新村)$/u;
/** A single word that is a road or estate by itself (额尔敦路, 团结大街); 园 alone is left out (幼儿园). */
const WHOLE_PLACE = /^\p{Script=Han}{2,}(?:路|街|巷|胡同|大道|小区|花园|家园|嘉园|苑|新村)$/u;
/** Tokens that are a place by themselves (A旗, 某镇): a road name starts after them. */
const ADMIN_END = /[省市县区旗盟镇乡]$/u;
const HAN = /^\p{Script=Han}+$/u;
const MAX_NAME_TOKENS = 4;
/** Single-character words that end a run (在团结大街, 额尔敦路与那达慕大街); other single characters may be part of a name (白音/达/来路). */
const FUNCTION_CHARS = new Set([...'在从到的和与及或向往对把被给于是有了就也都这那其该每各此个我你他她它们并而请很']);

const normal = (raw: string) => raw.trim().toLowerCase();

/**
 * Road and estate names in a token sequence, as [start, end) spans: the runs of tokens jieba splits
 * them into (桑根达 / 来路 → 桑根达来路, 锦绣 / 园 → 锦绣园). A run starts after anything that is not
 * Han (punctuation, a number), after a function character (在/从/与/的), after a name of the centre's
 * dictionary or an administrative place, and ends with a token ending like a road or an estate
 * (PLACE_END); a single token is no run (马路, 额尔敦路 are whole).
 */
function placeRuns(tokens: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  tokens.forEach((t, i) => {
    const chars = [...t].length;
    const boundary =
      !HAN.test(t) ||
      isUserWord(t) ||
      (chars >= 2 && ADMIN_END.test(t)) ||
      (chars === 1 && FUNCTION_CHARS.has(t)) ||
      LABEL_STOPWORDS.has(t);
    if (boundary) {
      start = i + 1;
      return;
    }
    if (!PLACE_END.test(t)) return;
    // A name is a few words (乌兰/达/来路): longer runs keep their end only.
    if (i > start) runs.push([Math.max(start, i + 1 - MAX_NAME_TOKENS), i + 1]);
    start = i + 1;
  });
  return runs;
}

/**
 * Names in a text: those of the centre's dictionary (锡林浩特市) as jieba yields them, and road and
 * estate names found as runs of tokens (see placeRuns).
 */
export function placeNames(text: string): string[] {
  const tokens = segment(text).map(normal);
  const names: string[] = [];
  let runs = placeRuns(tokens);
  tokens.forEach((t, i) => {
    if (isUserWord(t)) names.push(t); // a name of the centre's dictionary (place, unit, category)
    while (runs.length > 0 && runs[0]![1] === i + 1) {
      names.push(tokens.slice(runs[0]![0], runs[0]![1]).join(''));
      runs = runs.slice(1);
    }
  });
  return names;
}

/**
 * Which tokens name a place rather than a matter: pieces of road and estate names (锦绣 / 园) and
 * words that are a road or an estate by themselves (团结大街). Two appeals at one estate share these
 * words whatever they are about.
 */
export function placeTokenMask(tokens: readonly string[]): boolean[] {
  const mask = tokens.map((t) => WHOLE_PLACE.test(t));
  // A run ending in a whole name (收费 / 额尔敦路) is that name only: the words before are no part of it.
  for (const [s, e] of placeRuns(tokens)) if (!mask[e - 1]) for (let i = s; i < e; i++) mask[i] = true;
  return mask;
}
