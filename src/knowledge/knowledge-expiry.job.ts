import type { Deps } from '../shared/deps.js';
import { DomainError } from '../shared/errors.js';
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
export async function runKnowledgeExpirySweep(deps: Deps, batch = BATCH): Promise<{ expired: number; reminded: number }> {
  const now = deps.clock.now();
  const today = dayIn(now);
  return { expired: await expireLapsed(deps, now, today, batch), reminded: await remindOwners(deps, now, today, batch) };
}

/** Marks lapsed articles expired, a batch at a time, until none is left or a batch changes nothing. */
async function expireLapsed(deps: Deps, now: Date, today: string, batch: number): Promise<number> {
  let expired = 0;
  for (;;) {
    const lapsed = await listLapsedArticles(deps.db, today, batch);
    let changed = 0;
    for (const a of lapsed) if (await expireOne(deps, a, now)) changed += 1;
    expired += changed;
    if (lapsed.length < batch || changed === 0) return expired;
  }
}

/** One article to `expired` as a new version; false when an editor changed it meanwhile (next run). */
async function expireOne(deps: Deps, lapsed: { id: string; centre_id: string; version: number }, now: Date): Promise<boolean> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
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
  } catch (e) {
    // An editor saved between the read and the conditional update: leave it to the next run.
    if (e instanceof DomainError && e.code === 'CONFLICT') return false;
    throw e;
  }
}

/** One notice per article, reason and date to the owning unit; every due article, page by page. */
async function remindOwners(deps: Deps, now: Date, today: string, batch: number): Promise<number> {
  let reminded = 0;
  const until = addDays(today, REMIND_DAYS_BEFORE);
  const due = (day: string | null): day is string => day !== null && day >= today && day <= until;
  for (let afterId: string | null = null; ;) {
    const page = await listArticlesDueSoon(deps.db, today, until, afterId, batch);
    for (const a of page) {
      const reasons = [
        ...(due(a.valid_to) ? [{ kind: 'expiry', day: a.valid_to }] : []),
        ...(due(a.review_at) ? [{ kind: 'review', day: a.review_at }] : []),
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
    if (page.length < batch) return reminded;
    afterId = page[page.length - 1]!.id;
  }
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
