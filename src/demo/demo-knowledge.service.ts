import type { Executor } from '../db/database.js';
import { addDays, dayIn } from '../knowledge/knowledge-dates.js';
import { insertNewArticle } from '../knowledge/knowledge.service.js';
import { setArticlePublic } from '../knowledge/knowledge.repository.js';
import type { Clock } from '../shared/clock.js';
import { DEMO_ARTICLES } from './demo-knowledge.data.js';
import type { DemoCatalog } from './demo-org.service.js';

/**
 * The demo knowledge base, published, so the intake screen's 知识推荐 has answers from the first
 * call on; dates relative to today put one article near its expiry and one past its review date,
 * which the knowledge page and the reminders show.
 */
export async function seedDemoKnowledge(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const today = dayIn(clock.now());
  const at = (days?: number) => (days === undefined ? null : addDays(today, days));
  for (const a of DEMO_ARTICLES) {
    const owner = catalog.units.find((u) => u.name === a.owner);
    if (!owner) throw new Error(`demo knowledge: no unit named ${a.owner}`);
    const row = await insertNewArticle(tx, clock, {
      centreId: catalog.centreId,
      content: {
        title: a.title,
        body: a.body,
        categoryId: null,
        ownerUnitId: owner.id,
        status: 'published',
        validFrom: at(a.validFromDays),
        validTo: at(a.validToDays),
        reviewAt: at(a.reviewInDays),
      },
      by: null,
      note: 'demo',
    });
    // The public knowledge base on the portal (issue 16): every demo article is written for citizens too.
    await setArticlePublic(tx, catalog.centreId, row.id, true, clock.now());
  }
  return DEMO_ARTICLES.length;
}
