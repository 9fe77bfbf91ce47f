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
