import type { Deps } from '../shared/deps.js';
import type { PeriodicJob } from '../worker/periodic-job.js';
import { notify } from '../notifications/notify.js';
import { addDays, dayIn } from './knowledge-dates.js';
import { findArticle, insertArticleVersion } from './knowledge.repository.js';
import { listArticlesDueSoon, listLapsedArticles } from './knowledge-usage.repository.js';
import { saveVersion } from './knowledge.service.js';
import { refreshKnowledgeIndex } from './knowledge-search.service.js';

/** Owners hear about an article this many days before its validity ends or its review is due. */
export const REMIND_DAYS_BEFORE = 14;
const BATCH = 500;

/**
 * The knowledge upkeep sweep: (1) published articles past their validity become `expired` (a new
 * version, by the system); (2) the owning unit's users get one in-app notice per article and date (notify → outbox, deduplicated) when
 * validity ends or review falls due within REMIND_DAYS_BEFORE days. Safe to run again any time.
 */
export async function runKnowledgeExpirySweep(deps: Deps): Promise<{ expired: number; reminded: number }> {
  const now = deps.clock.now();
  const today = dayIn(now);
  let expired = 0;
  for (const lapsed of await listLapsedArticles(deps.db, today, BATCH)) {
    const done = await deps.db.transaction().execute(async (tx) => {
      const current = await findArticle(tx, lapsed.centre_id, lapsed.id);
      if (!current || current.status !== 'published' || current.version !== lapsed.version) return false;
      const content = {
        title: current.title,
        body: current.body,
        categoryId: current.category_id,
        ownerUnitId: current.owner_unit_id,
        status: 'expired' as const,
        validFrom: current.valid_from,
        validTo: current.valid_to,
        reviewAt: current.review_at,
      };
      const row = await saveVersion(tx, current, content, null, now);
      await insertArticleVersion(tx, row, null, 'expired: validity ended');
      return true;
    });
    if (done) expired += 1;
  }
  let reminded = 0;
  const until = addDays(today, REMIND_DAYS_BEFORE);
  const due = (day: string | null): day is string => day !== null && day >= today && day <= until;
  for (const a of await listArticlesDueSoon(deps.db, today, until, BATCH)) {
    const [validTo, reviewAt] = [a.valid_to, a.review_at];
    const reasons = [
      ...(due(validTo) ? [{ kind: 'expiry', day: validTo }] : []),
      ...(due(reviewAt) ? [{ kind: 'review', day: reviewAt }] : []),
    ];
    for (const r of reasons) {
      await notify(
        deps.db,
        {
          kind: `knowledge.${r.kind}`,
          centreId: a.centre_id,
          orderId: null,
          textKey: `knowledge.reminder.${r.kind}`,
          vars: { title: a.title, day: r.day },
          audience: { unitId: a.owner_unit_id },
          sourceKey: `knowledge.${r.kind}:${a.id}:${r.day}`,
          data: { articleId: a.id },
        },
        now,
      );
      reminded += 1;
    }
  }
  return { expired, reminded };
}

/**
 * Registered in src/worker/periodic-jobs.ts: the sweep every hour (reminders are deduplicated), then
 * the ranking index upkeep (terms of articles written before migration 0302, vector lengths).
 */
export const knowledgeExpiryJob: PeriodicJob = {
  name: 'knowledge-expiry',
  everyMs: 60 * 60 * 1000,
  async run(deps) {
    const r = await runKnowledgeExpirySweep(deps);
    const index = await refreshKnowledgeIndex(deps);
    return `knowledge: ${r.expired} expired, ${r.reminded} reminders due, ${index.indexed} indexed`;
  },
};
