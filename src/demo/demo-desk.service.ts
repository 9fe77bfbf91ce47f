import { insertCallOrderLink, upsertCall } from '../calls/call.repository.js';
import type { Executor } from '../db/database.js';
import { insertSavedFilter } from '../queues/queue-prefs.repository.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { findUserByUsername } from '../users/user.repository.js';
import { DEMO_CALL_EXTERNAL_ID, DEMO_RECORDING_URL, DEMO_SAVED_FILTERS } from './demo-desk.data.js';
import { newestVisitingOrder } from './demo-desk.repository.js';
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
