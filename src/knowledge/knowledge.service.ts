import type { ArticleDetailView } from '../contract/knowledge.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField } from '../shared/errors.js';
import { findCategory } from '../org/catalog.repository.js';
import { findUnit } from '../org/unit.repository.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { can } from '../users/permissions.js';
import { isUnitScoped, type Actor } from '../users/roles.js';
import { dayIn } from './knowledge-dates.js';
import {
  findArticle,
  insertArticle,
  insertArticleVersion,
  listArticleVersions,
  listArticles,
  updateArticleIfVersion,
  type ArticleContent,
  type ArticleRow,
} from './knowledge.repository.js';
import type { Executor } from '../db/database.js';
import { listArticleUsages, unitUpkeep } from './knowledge-usage.repository.js';
import { presentArticle } from './knowledge.presenter.js';
import type { ArticleListQuery, NewArticleInput, UpdateArticleInput } from './knowledge.schemas.js';
import { articleNotFound } from './knowledge-errors.js';
import { indexArticleTerms } from './knowledge-terms.js';
import { isInSubtree } from '../shared/subtree.js';

export const today = (deps: Deps) => dayIn(deps.clock.now());

export function requireKnowledgeRead(actor: Actor) {
  if (!can(actor, 'knowledge.read')) throw forbidden();
}

/**
 * Editors: admin and supervisor for the whole centre, a unit admin for articles of their own subtree.
 * A new owner must be an active unit; an article whose owner was deactivated since stays editable,
 * so that it can be handed to another unit.
 */
async function requireEditorOf(db: Executor, actor: Actor, ownerUnitId: string, owner: 'current' | 'new') {
  if (!can(actor, 'knowledge.edit')) throw forbidden();
  const unit = await findUnit(db, actor.centreId, ownerUnitId);
  if (!unit || (owner === 'new' && !unit.active)) throw invalidField('ownerUnitId');
  if (isUnitScoped(actor) && (actor.unitPath === null || !isInSubtree(unit.path, actor.unitPath))) throw forbidden();
}

async function validContent(db: Executor, actor: Actor, input: NewArticleInput): Promise<ArticleContent> {
  if (input.title.trim() === '') throw invalidField('title');
  if (input.body.trim() === '') throw invalidField('body');
  if (input.categoryId && !(await findCategory(db, actor.centreId, input.categoryId))) throw invalidField('categoryId');
  const c: ArticleContent = {
    title: input.title.trim(),
    body: input.body.trim(),
    categoryId: input.categoryId ?? null,
    ownerUnitId: input.ownerUnitId,
    status: input.status,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    reviewAt: input.reviewAt ?? null,
  };
  if (c.validFrom && c.validTo && c.validTo < c.validFrom) {
    throw domainError('VALIDATION', 'knowledge.validToBeforeFrom', {}, { field: 'validTo' });
  }
  return c;
}

/** Creates an article (version 1) and its first version row, in one transaction. */
export async function createArticle(deps: Deps, actor: Actor, input: NewArticleInput) {
  return deps.db.transaction().execute(async (tx) => {
    await requireEditorOf(tx, actor, input.ownerUnitId, 'new');
    const content = await validContent(tx, actor, input);
    const row = await insertNewArticle(tx, deps.clock, {
      centreId: actor.centreId,
      content,
      by: actor.userId,
      note: input.note ?? null,
    });
    return presentArticle(row, today(deps));
  });
}

/**
 * Writes a new article (version 1), its ranking terms and its first version row in the caller's
 * transaction; checks are the caller's (createArticle, the demo seed).
 */
export async function insertNewArticle(
  tx: Executor,
  clock: Clock,
  a: { centreId: string; content: ArticleContent; by: string | null; note: string | null },
): Promise<ArticleRow> {
  await ensureCentreDictionary(tx, clock, a.centreId);
  const row = await insertArticle(tx, { centreId: a.centreId, content: a.content, by: a.by, at: clock.now() });
  await indexArticleTerms(tx, { centreId: a.centreId, articleId: row.id, title: row.title, body: row.body });
  await insertArticleVersion(tx, row, a.by, a.note);
  return row;
}

/** Every edit (content, status, dates, owner) is a new version; a stale version answers 409. */
export async function updateArticle(deps: Deps, actor: Actor, id: string, input: UpdateArticleInput) {
  return deps.db.transaction().execute(async (tx) => {
    const current = await findArticle(tx, actor.centreId, id);
    if (!current) throw articleNotFound();
    await requireEditorOf(tx, actor, current.owner_unit_id, 'current');
    if (input.ownerUnitId !== current.owner_unit_id) await requireEditorOf(tx, actor, input.ownerUnitId, 'new');
    if (input.version !== current.version) throw domainError('CONFLICT', 'knowledge.conflict');
    const content = await validContent(tx, actor, input);
    await ensureCentreDictionary(tx, deps.clock, actor.centreId);
    const row = await saveVersion(tx, current, content, actor.userId, deps.clock.now());
    await insertArticleVersion(tx, row, actor.userId, input.note ?? null);
    return presentArticle(row, today(deps));
  });
}

/** Writes the next version of `current`; used by edits and by the expiry job. */
export async function saveVersion(tx: Executor, current: ArticleRow, content: ArticleContent, by: string | null, at: Date) {
  const row = await updateArticleIfVersion(tx, {
    id: current.id,
    expectedVersion: current.version,
    content,
    by,
    at,
  });
  if (!row) throw domainError('CONFLICT', 'knowledge.conflict');
  if (row.title !== current.title || row.body !== current.body) {
    await indexArticleTerms(tx, { centreId: row.centre_id, articleId: row.id, title: row.title, body: row.body });
  }
  return row;
}

export async function getArticle(deps: Deps, actor: Actor, id: string): Promise<ArticleDetailView<Date>> {
  requireKnowledgeRead(actor);
  const row = await findArticle(deps.db, actor.centreId, id);
  if (!row) throw articleNotFound();
  const [versions, usages, owner] = await Promise.all([
    listArticleVersions(deps.db, id),
    listArticleUsages(deps.db, id),
    findUnit(deps.db, actor.centreId, row.owner_unit_id),
  ]);
  return {
    article: presentArticle(row, today(deps)),
    ownerUnitName: owner?.name ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      body: v.body,
      status: v.status,
      categoryId: v.category_id,
      ownerUnitId: v.owner_unit_id,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      reviewAt: v.review_at,
      editedAt: v.edited_at,
      editorName: v.editor_name,
      note: v.note,
    })),
    // The orders a direct answer closed are the centre's (直办 never reaches a unit): a unit user
    // sees how often an article was used (usageCount), not which orders.
    recentUsages: isUnitScoped(actor)
      ? []
      : usages.map((u) => ({ at: u.at, version: u.article_version, orderId: u.order_id, orderNo: u.order_no })),
  };
}

export async function listArticlesFor(deps: Deps, actor: Actor, q: ArticleListQuery) {
  requireKnowledgeRead(actor);
  const owner = q.ownerUnitId ? await findUnit(deps.db, actor.centreId, q.ownerUnitId) : undefined;
  if (q.ownerUnitId && !owner) throw invalidField('ownerUnitId');
  const { rows, hasMore } = await listArticles(deps.db, actor.centreId, {
    status: q.status,
    ownerUnitPath: owner?.path,
    categoryId: q.categoryId,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  const day = today(deps);
  return { items: rows.map((r) => presentArticle(r, day)), hasMore };
}

/** Upkeep per owning unit; a unit admin sees their own subtree. */
export async function knowledgeUpkeep(deps: Deps, actor: Actor) {
  requireKnowledgeRead(actor);
  const scope = isUnitScoped(actor) ? actor.unitPath : null;
  return { today: today(deps), units: await unitUpkeep(deps.db, actor.centreId, today(deps), scope) };
}
