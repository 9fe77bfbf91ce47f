import { isUuid } from '../shared/ids.js';
import type { TransitionHook } from '../orders/order-hooks.js';
import { invalidField } from '../shared/errors.js';
import { dayIn, isAnswerable } from './knowledge-dates.js';
import { findArticle } from './knowledge.repository.js';
import { recordArticleUsage } from './knowledge-usage.repository.js';

/**
 * 直办 from the knowledge base: when `answer_directly` names the article that answered, record the
 * usage in the same transaction. An unknown article, or one not answerable today (unpublished, or
 * outside its validity dates — the hourly expiry job may not have marked it yet), rejects the step.
 */
export const knowledgeUsageHook: TransitionHook = async (ctx) => {
  if (ctx.action !== 'answer_directly') return;
  const articleId = ctx.payload.knowledgeArticleId;
  if (articleId === undefined || articleId === '') return;
  if (!isUuid(articleId)) throw invalidField('knowledgeArticleId');
  const article = await findArticle(ctx.tx, ctx.after.centre_id, articleId);
  if (!article || !isAnswerable(article, dayIn(ctx.at))) throw invalidField('knowledgeArticleId');
  await recordArticleUsage(ctx.tx, {
    articleId,
    articleVersion: article.version,
    orderId: ctx.after.id,
    by: ctx.actor.userId,
    at: ctx.at,
  });
};
