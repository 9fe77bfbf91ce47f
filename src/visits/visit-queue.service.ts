import type { DirectSampleListView } from '../contract/visits.js';
import type { Deps } from '../shared/deps.js';
import { presentOrder } from '../orders/order.presenter.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { actorScope } from '../users/actor-scope.js';
import type { Actor } from '../users/roles.js';
import { drawnForVisit } from './direct-visit-sample.js';
import {
  insertDirectSamples,
  listAwaitingDirectSamples,
  listDirectCandidates,
  listDueFallbacks,
  markFellBack,
} from './visit-link.repository.js';
import { mustVisit } from './visit-link.service.js';

const DAY_MS = 86_400_000;
/** How far back a run looks: a worker stopped for less than this catches up on its next run. */
const LOOKBACK_DAYS = 7;

/**
 * Links that went unanswered until they expired (the centre's visit_link_hours) while the order still
 * awaits its visit: marked fallen back, with a timeline step, so the 回访 desk calls (短信未回复). Each
 * link in its own transaction with a conditional update: a second worker's run changes nothing.
 */
export async function fallBackUnansweredLinks(deps: Deps, limit = 500): Promise<number> {
  const at = deps.clock.now();
  const due = await listDueFallbacks(deps.db, at, new Date(at.getTime() - LOOKBACK_DAYS * DAY_MS), limit);
  let fellBack = 0;
  for (const link of due) {
    await deps.db.transaction().execute(async (tx) => {
      if (!(await markFellBack(tx, link.id, at))) return;
      const order = { id: link.order_id, centre_id: link.centre_id, state: link.state };
      await recordOrderEvent(tx, order, {
        kind: 'visit_link_fell_back',
        by: { system: 'visit-links' },
        at,
        payload: { linkId: link.id },
      });
      fellBack += 1;
    });
  }
  return fellBack;
}

/**
 * 直办 sampling: of the directly answered orders closed in the last week, those `drawnForVisit` at
 * their centre's direct_visit_share join the visit queue. The draw is by the order's id, so a re-run
 * (or another worker) draws the same orders; the insert ignores one drawn already.
 */
export async function sampleDirectOrders(deps: Deps, limit = 2000): Promise<number> {
  const at = deps.clock.now();
  const candidates = await listDirectCandidates(deps.db, new Date(at.getTime() - LOOKBACK_DAYS * DAY_MS), limit);
  const drawn = candidates
    .filter((c) => drawnForVisit(c.id, Number(c.share)))
    .map((c) => ({ orderId: c.id, centreId: c.centre_id, share: Number(c.share), at }));
  return insertDirectSamples(deps.db, drawn);
}

/** The sampled 直办 orders still waiting for their visit, for the 回访 desk (within the reader's scope). */
export async function listDirectSamplesFor(deps: Deps, actor: Actor, limit = 200): Promise<DirectSampleListView<Date>> {
  mustVisit(actor);
  const now = deps.clock.now();
  const rows = await listAwaitingDirectSamples(deps.db, actorScope(actor), limit);
  return { items: rows.map((o) => presentOrder(o, { unmasked: false, now })) };
}
