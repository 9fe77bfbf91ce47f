import type { Deps } from '../shared/deps.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { highlight } from '../text/highlight.js';
import { lexemes, queryLexemes } from '../text/segment.js';
import type { Actor } from '../users/roles.js';
import { rankArticles, type ArticleSearch } from './knowledge-search.repository.js';
import { findArticlesByIds } from './knowledge.repository.js';
import { presentHit } from './knowledge.presenter.js';
import type { ArticleSearchQuery, SuggestQuery } from './knowledge.schemas.js';
import { requireKnowledgeRead, today } from './knowledge.service.js';

/** At most this many distinct words of a long text are used as the query (the longest first). */
const MAX_QUERY_WORDS = 120;

function queryWords(text: string): string[] {
  const unique = [...new Set(lexemes(text))];
  if (unique.length <= MAX_QUERY_WORDS) return unique;
  return unique.sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_WORDS);
}

async function rankAndLoad(deps: Deps, centreId: string, text: string, scope: ArticleSearch['scope'], limit: number) {
  await ensureCentreDictionary(deps.db, deps.clock, centreId);
  const words = queryWords(text);
  const ranked = await rankArticles(deps.db, { centreId, lexemes: words, scope, limit });
  const rows = await findArticlesByIds(
    deps.db,
    centreId,
    ranked.map((r) => r.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const marks = queryLexemes(text).filter((w) => w.length > 1);
  const day = today(deps);
  return ranked.flatMap((r) => {
    const a = byId.get(r.id);
    if (!a) return [];
    return [presentHit(a, day, r.score, { title: highlight(a.title, marks), body: highlight(a.body, marks) })];
  });
}

/** Knowledge search for the knowledge page: every status unless one is asked for. */
export async function searchArticlesFor(deps: Deps, actor: Actor, q: ArticleSearchQuery) {
  requireKnowledgeRead(actor);
  const items = await rankAndLoad(deps, actor.centreId, q.q, { kind: 'all', status: q.status }, q.limit ?? 10);
  return { items };
}

/** The top answerable articles for what the operator is typing at intake. */
export async function suggestArticlesFor(deps: Deps, actor: Actor, q: SuggestQuery) {
  requireKnowledgeRead(actor);
  const scope = { kind: 'answerable' as const, today: today(deps) };
  const items = await rankAndLoad(deps, actor.centreId, q.text, scope, q.limit ?? 5);
  return { items };
}

/** Retrieval without an actor, for the evaluation command (same ranking as intake). */
export async function retrieveAnswerable(deps: Deps, centreId: string, text: string, limit: number) {
  const scope = { kind: 'answerable' as const, today: today(deps) };
  return rankArticles(deps.db, { centreId, lexemes: queryWords(text), scope, limit });
}
