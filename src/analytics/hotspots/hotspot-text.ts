import { segment } from '../../text/segment.js';

/** A sparse, L2-normalised term vector. */
export type Vector = Map<string, number>;

/**
 * Function words and hotline boilerplate that say nothing about the topic of an appeal. Kept short
 * on purpose: inverse document frequency already discounts words every appeal uses.
 */
const STOPWORDS = new Set([
  '我们',
  '你们',
  '他们',
  '没有',
  '自己',
  '这个',
  '那个',
  '什么',
  '怎么',
  '如何',
  '希望',
  '请问',
  '反映',
  '问题',
  '情况',
  '相关',
  '部门',
  '领导',
  '政府',
  '谢谢',
  '您好',
  '你好',
  '现在',
  '已经',
  '可以',
  '因为',
  '所以',
  '但是',
  '而且',
  '进行',
  '要求',
  '尽快',
  '处理',
  '解决',
  '关于',
  '一下',
  '还是',
  '这样',
  '就是',
  '不是',
  '目前',
  '一直',
  '为什么',
  '是否',
  '能否',
  '请求',
  '帮助',
  '感谢',
  '市民',
  '群众',
  '本人',
  '投诉',
  '咨询',
  '建议',
  '举报',
  '求助',
]);

const KEEP = /[\p{Script=Han}a-z0-9]/u;

/** A topic word: no punctuation, single character, number or stopword (tokens trimmed, lower case). */
export const isTopicToken = (t: string) => [...t].length > 1 && KEEP.test(t) && !/^[0-9.]+$/.test(t) && !STOPWORDS.has(t);

/** Topic words of a text: jieba tokens without punctuation, single characters, numbers or stopwords. */
export function topicTokens(text: string): string[] {
  return segment(text)
    .map((t) => t.trim().toLowerCase())
    .filter(isTopicToken);
}

export interface TextDoc {
  /** Short text that names the topic (title, address): weighted higher than the body. */
  headline: string;
  body: string;
}

/** Chosen on the evaluation sets (README): the headline names the topic, the body's opening adds context. */
export const HEADLINE_WEIGHT = 3;
export const BODY_TOKENS = 30;
/** The opening of the body states the matter; long narratives add mostly noise (and cost). */
const BODY_HEAD_CHARS = 200;

export const bodyHead = (doc: TextDoc) => doc.body.slice(0, BODY_HEAD_CHARS);

/** Term counts of one appeal: headline tokens count three times, then the first words of the body. */
export function termCounts(doc: TextDoc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of topicTokens(doc.headline)) counts.set(t, (counts.get(t) ?? 0) + HEADLINE_WEIGHT);
  for (const t of topicTokens(bodyHead(doc)).slice(0, BODY_TOKENS)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** The text clustering reads of an appeal, as one string (what a hot issue's keywords are checked against). */
export const clusteredText = (doc: TextDoc) => `${doc.headline} ${bodyHead(doc)}`;

/**
 * TF-IDF vectors (sublinear tf, smoothed idf) of a set of appeals, normalised to unit length, so
 * that a dot product is the cosine similarity. The idf is that of the set itself: the words that
 * make a topic stand out are the ones rare within the period being examined.
 */
export function tfidfVectors(docs: readonly Map<string, number>[]): Vector[] {
  const df = new Map<string, number>();
  for (const counts of docs) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((counts) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of counts) {
      const w = (1 + Math.log(c)) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}
