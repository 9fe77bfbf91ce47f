import type { Deps } from '../shared/deps.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { highlight } from '../text/highlight.js';
import { queryLexemes } from '../text/segment.js';
import type { Actor } from '../users/roles.js';
import {
  listArticlesAfter,
  listUnindexedArticles,
  rankArticles,
  refreshTermNorms,
  vacuumTermStats,
  type ArticleSearch,
} from './knowledge-search.repository.js';
import { indexArticleTerms, weightedTerms } from './knowledge-terms.js';
import { findArticlesByIds } from './knowledge.repository.js';
import { presentHit } from './knowledge.presenter.js';
import type { ArticleSearchQuery, SuggestQuery } from './knowledge.schemas.js';
import { requireKnowledgeRead, today } from './knowledge.service.js';

/** The query text as terms; the ranking keeps the heaviest (rare, repeated) ones. */
const queryTerms = (text: string) => weightedTerms(text);

async function rankAndLoad(deps: Deps, centreId: string, text: string, scope: ArticleSearch['scope'], limit: number) {
  await ensureCentreDictionary(deps.db, deps.clock, centreId);
  const ranked = await rankArticles(deps.db, { centreId, ...queryTerms(text), scope, limit });
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
  return rankArticles(deps.db, { centreId, ...queryTerms(text), scope, limit });
}

/**
 * Indexes articles that have no terms yet (written before migration 0302) and refreshes every
 * article's vector length to the current statistics. Run hourly by the knowledge job; `lianxin text
 * reindex` passes `all` to re-index every article. Idempotent.
 */
export async function refreshKnowledgeIndex(deps: Deps, options: { all?: boolean } = {}): Promise<{ indexed: number }> {
  let indexed = 0;
  let after: string | null = null;
  for (;;) {
    // `all`: every article again, its terms cut with today's dictionary (after unit or place names
    // were added); otherwise only those never indexed. Each article is its own short transaction.
    const batch: { id: string; centre_id: string; title: string; body: string }[] = options.all
      ? await listArticlesAfter(deps.db, after, 200)
      : await listUnindexedArticles(deps.db, 200);
    if (batch.length === 0) break;
    for (const a of batch) {
      await ensureCentreDictionary(deps.db, deps.clock, a.centre_id);
      await deps.db
        .transaction()
        .execute((tx) => indexArticleTerms(tx, { centreId: a.centre_id, articleId: a.id, title: a.title, body: a.body }));
      indexed += 1;
    }
    after = batch[batch.length - 1]!.id;
  }
  await refreshTermNorms(deps.db);
  await vacuumTermStats(deps.db);
  return { indexed };
}
