import { insertCallOrderLink, upsertCall } from '../calls/call.repository.js';
import type { Executor } from '../db/database.js';
import { insertSavedFilter } from '../queues/queue-prefs.repository.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { findUserByUsername } from '../users/user.repository.js';
import { addLeaderFollowup } from '../supervision/supervision.service.js';
import type { Actor } from '../users/roles.js';
import { DEMO_CALL_EXTERNAL_ID, DEMO_LEADER_FOLLOWUP_REASON, DEMO_RECORDING_URL, DEMO_SAVED_FILTERS } from './demo-desk.data.js';
import { mostOverdueHandledOrder, newestVisitingOrder } from './demo-desk.repository.js';
import type { DemoCatalog } from './demo-org.service.js';

const SECOND = 1000;

/** One saved filter each for the demo handler's inbox and the dispatcher's queue. */
export async function seedDemoSavedFilters(tx: Executor, clock: Clock): Promise<number> {
  for (const f of DEMO_SAVED_FILTERS) {
    const user = await findUserByUsername(tx, f.username);
    if (!user) continue;
    await insertSavedFilter(tx, { userId: user.id, queue: f.queue, name: f.name, query: { ...f.query }, at: clock.now() });
  }
  return DEMO_SAVED_FILTERS.length;
}

/**
 * After the history: the call a visiting order was taken on, answered by the demo operator and
 * recorded, so the order page and the 回访 panel show a recording from the first start.
 */
export async function seedDemoRecordedCall(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const [order, operator] = await Promise.all([
    newestVisitingOrder(deps.db, catalog.centreId),
    findUserByUsername(deps.db, 'operator'),
  ]);
  if (!order) return 0;
  const offered = new Date(order.accepted_at.getTime() - 5 * 60 * SECOND);
  const answered = new Date(offered.getTime() + 8 * SECOND);
  const call = await upsertCall(
    deps.db,
    catalog.centreId,
    DEMO_CALL_EXTERNAL_ID,
    {
      status: 'ended',
      offered_at: offered,
      answered_at: answered,
      ended_at: new Date(answered.getTime() + 240 * SECOND),
      wait_seconds: 8,
      talk_seconds: 240,
      hotline_number: '12345',
      caller_number: order.caller_phone,
      operator_user_id: operator?.id ?? null,
      operator_ext: '8001',
      recording_url: DEMO_RECORDING_URL,
    },
    deps.clock.now(),
  );
  await insertCallOrderLink(deps.db, { callId: call.id, orderId: order.id, by: operator?.id ?? null, at: order.accepted_at });
  return 1;
}

/**
 * After the history: the demo leader puts the longest-overdue order a unit is handling on the 领导盯办
 * list, so the leader's desk and the 督办看板's 领导盯办 tab have a row (with its 已超期 mark) from the
 * first start.
 */
export async function seedDemoLeaderFollowup(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const [leader, order] = await Promise.all([
    findUserByUsername(deps.db, 'leader'),
    mostOverdueHandledOrder(deps.db, catalog.centreId, deps.clock.now()),
  ]);
  if (!leader || !order) return 0;
  const actor: Actor = {
    kind: 'user',
    userId: leader.id,
    centreId: catalog.centreId,
    unitId: catalog.centreUnit.id,
    unitPath: catalog.centreUnit.path,
    roles: ['leader'],
    label: leader.display_name,
  };
  const { added } = await addLeaderFollowup(deps, actor, order.id, DEMO_LEADER_FOLLOWUP_REASON);
  return added ? 1 : 0;
}
