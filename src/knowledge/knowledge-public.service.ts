import { PUBLIC_EXCERPT_CHARS, type PublicArticleHitView, type PublicArticleView } from '../contract/knowledge.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, notFound } from '../shared/errors.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { highlight } from '../text/highlight.js';
import { queryLexemes } from '../text/segment.js';
import { can } from '../users/permissions.js';
import { isUnitScoped, type Actor } from '../users/roles.js';
import { isInSubtree } from '../shared/subtree.js';
import { findUnit } from '../org/unit.repository.js';
import { rankArticles } from './knowledge-search.repository.js';
import { weightedTerms } from './knowledge-terms.js';
import { isAnswerable } from './knowledge-dates.js';
import { countPublicView, findArticle, findArticlesByIds, listPopularPublic, setArticlePublic } from './knowledge.repository.js';
import { presentArticle } from './knowledge.presenter.js';
import { articleNotFound } from './knowledge-errors.js';
import { today } from './knowledge.service.js';

/**
 * The public knowledge base on the portal (issue 16, ADR 0176): articles marked public that intake
 * could answer with today (published, inside their validity dates), searched with the same Chinese
 * ranking as the console (ADR 0043), shown without owner, usage or versions.
 */
export async function searchPublicArticles(
  deps: Deps,
  centreId: string,
  q: string | undefined,
  limit: number,
): Promise<{ items: PublicArticleHitView[] }> {
  const day = today(deps);
  const text = q?.trim() ?? '';
  if (text === '') {
    const rows = (await listPopularPublic(deps.db, centreId, limit * 2)).filter((a) => isAnswerable(a, day)).slice(0, limit);
    return {
      items: rows.map((a) => ({
        id: a.id,
        title: [{ text: a.title, hit: false }],
        excerpt: highlight(a.body, [], { maxChars: PUBLIC_EXCERPT_CHARS }),
      })),
    };
  }
  await ensureCentreDictionary(deps.db, deps.clock, centreId);
  const ranked = await rankArticles(deps.db, { centreId, ...weightedTerms(text), scope: { kind: 'public', today: day }, limit });
  const rows = new Map(
    (
      await findArticlesByIds(
        deps.db,
        centreId,
        ranked.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const marks = queryLexemes(text).filter((w) => w.length > 1);
  return {
    items: ranked.flatMap((r) => {
      const a = rows.get(r.id);
      return a
        ? [{ id: a.id, title: highlight(a.title, marks), excerpt: highlight(a.body, marks, { maxChars: PUBLIC_EXCERPT_CHARS }) }]
        : [];
    }),
  };
}

/** One public article for the portal; each read is a view. Not public, or not answerable today: 404. */
export async function readPublicArticle(deps: Deps, centreId: string, id: string): Promise<PublicArticleView<Date>> {
  const current = await findArticle(deps.db, centreId, id);
  if (!current || !current.public || !isAnswerable(current, today(deps))) throw notFound('article');
  const row = await countPublicView(deps.db, centreId, id);
  if (!row) throw notFound('article');
  return { id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at, views: row.public_views };
}

/** An editor of the article (as for its content) marks it public or takes it off the portal. */
export async function setArticlePublicFor(deps: Deps, actor: Actor, id: string, flag: boolean) {
  if (!can(actor, 'knowledge.edit')) throw forbidden();
  const current = await findArticle(deps.db, actor.centreId, id);
  if (!current) throw articleNotFound();
  if (isUnitScoped(actor)) {
    const owner = await findUnit(deps.db, actor.centreId, current.owner_unit_id);
    if (!owner || actor.unitPath === null || !isInSubtree(owner.path, actor.unitPath)) throw forbidden();
  }
  const row = await setArticlePublic(deps.db, actor.centreId, id, flag, deps.clock.now());
  if (!row) throw articleNotFound();
  return presentArticle(row, today(deps));
}
