/**
 * Category aliases (ADR 0085): the words callers use instead of the catalogue's name (供暖, 暖气 for
 * 供热). One pure matcher for every place a category is chosen or searched — the intake picker, the
 * portal form, the admin tree — so they all find the same categories for the same words.
 */

export interface AliasedCategory {
  name: string;
  aliases?: readonly string[];
}

/** Limits the admin screen and PATCH /api/categories/:id enforce. */
export const CATEGORY_ALIAS_LIMITS = { maxAliases: 20, maxLength: 20 } as const;

/** NFKC, lower case, no spaces: full-width letters and stray spaces never hide a match. */
export const normaliseCategoryText = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Whether a typed query finds the category: part of its name or of one of its aliases. Empty finds all. */
export function categoryMatches(category: AliasedCategory, query: string): boolean {
  const q = normaliseCategoryText(query);
  if (q === '') return true;
  return [category.name, ...(category.aliases ?? [])].some((word) => normaliseCategoryText(word).includes(q));
}

/**
 * The aliases as stored: trimmed. Returns the problem instead when the list breaks a
 * limit (too many, blank, too long, or the same word twice), so the caller can name the field.
 */
export function cleanCategoryAliases(aliases: readonly string[]): { aliases: string[] } | { problem: string } {
  const cleaned = aliases.map((a) => a.trim());
  if (cleaned.some((a) => a === '')) return { problem: 'blank' };
  if (cleaned.length > CATEGORY_ALIAS_LIMITS.maxAliases) return { problem: `at most ${CATEGORY_ALIAS_LIMITS.maxAliases}` };
  if (cleaned.some((a) => a.length > CATEGORY_ALIAS_LIMITS.maxLength)) {
    return { problem: `each at most ${CATEGORY_ALIAS_LIMITS.maxLength} characters` };
  }
  const seen = new Set(cleaned.map(normaliseCategoryText));
  if (seen.size < cleaned.length) return { problem: 'duplicate' };
  return { aliases: cleaned };
}
