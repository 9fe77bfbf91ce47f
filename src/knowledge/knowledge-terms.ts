import type { Executor } from '../db/database.js';
import { lexemes } from '../text/segment.js';
import { writeArticleTerms } from './knowledge-search.repository.js';

/**
 * The terms of the knowledge ranking (ADR 0043): jieba search-mode lexemes (`lexemes()`: words and
 * their shorter dictionary words, stop words removed) plus the character bigrams of every run of
 * letters and digits. Words carry meaning; bigrams keep a match when jieba cuts a place or estate
 * name differently in the appeal and in the reply (景蓉华苑 / 景蓉花苑, A3区). A word and a bigram that
 * are the same string are the same term (measured: no loss against keeping them apart).
 */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const w of lexemes(text)) add(w);
  for (const run of text.toLowerCase().match(WORD_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) add(chars[i]! + chars[i + 1]!);
  }
  return counts;
}

/** Sublinear term frequency: a word said ten times is not ten times as relevant. */
export const sublinear = (count: number) => 1 + Math.log(count);

/** Terms with their sublinear frequency, sorted by term (a stable lock order for the statistics rows). */
export function weightedTerms(text: string): { terms: string[]; tf: number[] } {
  const entries = [...termCounts(text)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { terms: entries.map(([t]) => t), tf: entries.map(([, c]) => sublinear(c)) };
}

/** The text an article is indexed by. */
export const articleText = (a: { title: string; body: string }) => `${a.title}\n${a.body}`;

/** Writes an article's ranking terms in the caller's transaction (on create and on every text change). */
export async function indexArticleTerms(
  db: Executor,
  a: { centreId: string; articleId: string; title: string; body: string },
): Promise<void> {
  await writeArticleTerms(db, { centreId: a.centreId, articleId: a.articleId, ...weightedTerms(articleText(a)) });
}
