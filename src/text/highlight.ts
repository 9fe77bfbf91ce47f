/** A piece of text, marked when it matches one of the searched words. */
export interface Fragment {
  text: string;
  hit: boolean;
}

export interface HighlightOptions {
  /** Maximum characters of the snippet; the window is centred on the first match. */
  maxChars?: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_OR_DIGITS = /^[a-z0-9]+$/i;

/**
 * A word as a pattern. Chinese words match anywhere (there are no spaces between words), but a run
 * of digits or Latin letters only as a whole: "12" is not marked inside 0479-1234567 or "A12".
 */
const wordPattern = (w: string) => (LATIN_OR_DIGITS.test(w) ? `(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])` : escapeRegExp(w));

/**
 * Marks every occurrence of the words in `text` (case-insensitive, longest word first) and cuts a
 * snippet around the first match. Fragments instead of HTML: the screen renders them safely.
 */
export function highlight(text: string, words: readonly string[], options: HighlightOptions = {}): Fragment[] {
  const maxChars = options.maxChars ?? 160;
  const unique = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  let start = 0;
  let end = text.length;
  const pattern = unique.length > 0 ? new RegExp(unique.map(wordPattern).join('|'), 'gi') : null;
  if (text.length > maxChars) {
    const first = pattern ? text.search(pattern) : -1;
    start = Math.max(0, Math.min((first < 0 ? 0 : first) - Math.floor(maxChars / 4), text.length - maxChars));
    end = start + maxChars;
  }
  const body = text.slice(start, end);
  const fragments: Fragment[] = [];
  if (start > 0) fragments.push({ text: '…', hit: false });
  let last = 0;
  if (pattern) {
    for (const m of body.matchAll(pattern)) {
      if (m.index > last) fragments.push({ text: body.slice(last, m.index), hit: false });
      fragments.push({ text: m[0], hit: true });
      last = m.index + m[0].length;
    }
  }
  if (last < body.length) fragments.push({ text: body.slice(last), hit: false });
  if (end < text.length) fragments.push({ text: '…', hit: false });
  return fragments;
}
