/** What the clerk typed after `::` just before the caret, or null when no `::` is being typed. */
export function moduleQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /::([\p{L}\p{N}_-]{0,32})$/u.exec(text.slice(0, caret));
  return match ? { start: match.index, query: match[1]! } : null;
}

/** Modules whose keyword or name contains the query (keyword prefix matches first). */
export function matchModules<M extends { keyword: string; name: string }>(modules: readonly M[], query: string): M[] {
  const q = query.toLowerCase();
  const hits = modules.filter((m) => m.keyword.toLowerCase().includes(q) || m.name.toLowerCase().includes(q));
  return hits.sort((a, b) => Number(!a.keyword.toLowerCase().startsWith(q)) - Number(!b.keyword.toLowerCase().startsWith(q)));
}

/** The text with `::query` (from `start` to the caret) replaced by the module's text, and the new caret. */
export function insertModule(text: string, at: { start: number; caret: number }, moduleText: string) {
  const next = text.slice(0, at.start) + moduleText + text.slice(at.caret);
  return { text: next, caret: at.start + moduleText.length };
}
