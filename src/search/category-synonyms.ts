import { normaliseCategoryText, type AliasedCategory } from '../contract/category-aliases.js';

/** For each query word, the phrases (as lexemes) it also stands for. */
export type SynonymTable = ReadonlyMap<string, readonly (readonly string[])[]>;

/**
 * Query expansion by category aliases (ADR 0085): a word that is a category's name or one of its
 * aliases stands for all of them, so 暖气 also finds appeals that say 供热 or 供暖. Only one-word
 * names and aliases become keys (a typed query is matched word by word); every name and alias of the
 * category, one word or several, is an alternative. `toLexemes` is the query segmentation.
 */
export function categorySynonyms(categories: readonly AliasedCategory[], toLexemes: (text: string) => string[]): SynonymTable {
  const table = new Map<string, (readonly string[])[]>();
  for (const category of categories) {
    const phrases = [category.name, ...(category.aliases ?? [])].map(toLexemes).filter((p) => p.length > 0);
    if (phrases.length < 2) continue;
    for (const phrase of phrases) {
      if (phrase.length !== 1) continue;
      const key = normaliseCategoryText(phrase[0]!);
      table.set(key, [...(table.get(key) ?? []), ...phrases]);
    }
  }
  return table;
}

/** Each word as its group of alternatives: itself, then what it stands for. */
export const expandWords = (words: readonly string[], synonyms: SynonymTable): string[][][] =>
  words.map((w) => [[w], ...(synonyms.get(normaliseCategoryText(w)) ?? []).map((p) => [...p])]);
