/**
 * Builds `tsvector` sources and `tsquery` literals from lexemes made by `lexemes()` /
 * `queryLexemes()` (letters and digits only, so quoting cannot be broken). The database side
 * always uses the 'simple' configuration: segmentation happens here, in the application, with
 * jieba, identically on PostgreSQL and PGlite.
 */
const quote = (lexeme: string) => `'${lexeme.replace(/['\\]/g, '')}'`;

/** Space-joined lexemes for `to_tsvector('simple', …)`; capped so a huge text stays indexable. */
export function vectorSource(lexemes: readonly string[], max = 4000): string {
  return lexemes.slice(0, max).join(' ');
}

/** Every lexeme must occur: `'a' & 'b'`. Undefined when there is nothing to search for. */
export function allOf(lexemes: readonly string[]): string | undefined {
  const unique = [...new Set(lexemes)].filter((l) => l.length > 0);
  return unique.length > 0 ? unique.map(quote).join(' & ') : undefined;
}

/** Any lexeme may occur: `'a' | 'b'`. */
export function anyOf(lexemes: readonly string[]): string | undefined {
  const unique = [...new Set(lexemes)].filter((l) => l.length > 0);
  return unique.length > 0 ? unique.map(quote).join(' | ') : undefined;
}

/** One lexeme as a query, optionally restricted to a weight class (A = title). */
export const single = (lexeme: string, weight?: 'A') => (weight ? `${quote(lexeme)}:${weight}` : quote(lexeme));

/**
 * Every group must occur, a group by any of its phrases, a phrase by all its lexemes:
 * `('暖气' | '供热' | ('拖欠' & '工资')) & '小区'`. Query expansion by synonyms (ADR 0085).
 */
export function allOfAlternatives(groups: readonly (readonly (readonly string[])[])[]): string | undefined {
  const phrase = (lexemes: readonly string[]) => {
    const unique = [...new Set(lexemes)].filter((l) => l.length > 0);
    return unique.length > 1 ? `(${unique.map(quote).join(' & ')})` : unique.map(quote).join('');
  };
  const group = (alternatives: readonly (readonly string[])[]) => {
    const phrases = [...new Set(alternatives.map(phrase))].filter((p) => p.length > 0);
    return phrases.length > 1 ? `(${phrases.join(' | ')})` : (phrases[0] ?? '');
  };
  const parts = [...new Set(groups.map(group))].filter((g) => g.length > 0);
  return parts.length > 0 ? parts.join(' & ') : undefined;
}
