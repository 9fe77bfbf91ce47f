import type { ArticleHitView, ArticleView } from '../contract/knowledge.js';
import type { Fragment } from '../text/highlight.js';
import { isAnswerable } from './knowledge-dates.js';
import type { ArticleRow } from './knowledge.repository.js';

/** The whitelisted fields of an article as the API shows them. */
export function presentArticle(row: ArticleRow, today: string): ArticleView<Date> {
  const a = row;
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    categoryId: a.category_id,
    ownerUnitId: a.owner_unit_id,
    status: a.status,
    /** Published and inside its validity dates today: what intake may answer with. */
    answerable: isAnswerable(a, today),
    validFrom: a.valid_from,
    validTo: a.valid_to,
    reviewAt: a.review_at,
    reviewOverdue: a.review_at !== null && a.review_at < today,
    version: a.version,
    usageCount: a.usage_count,
    lastUsedAt: a.last_used_at,
    public: a.public,
    publicViews: a.public_views,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

export function presentHit(
  a: ArticleRow,
  today: string,
  score: number,
  highlight: { title: Fragment[]; body: Fragment[] },
): ArticleHitView<Date> {
  return { ...presentArticle(a, today), score, highlight };
}
