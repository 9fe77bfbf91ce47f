import type { Insertable } from 'kysely';
import type { CallsTable } from '../calls/call.table.js';
import { MAIN_HOTLINE } from '../contract/channels.js';
import type { Executor } from '../db/database.js';
import {
  insertMergedLines,
  insertServiceWindows,
  listServiceWindows,
  saveCriterion,
} from '../channels/channel-register.repository.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { DEMO_CRITERION, DEMO_LINES, DEMO_MAIN_MONTHLY_CALLS, DEMO_MERGED_ON, DEMO_WINDOWS } from './demo-channels.data.js';
import { insertDemoCalls, listChannelOrders, setSourceNumber, setWindow } from './demo-channels.repository.js';
import type { DemoCatalog } from './demo-org.service.js';
import { Rng } from './rng.js';

/** The registers (in the organisation's transaction): 18 windows, 39 merged lines, the centre's criterion. */
export async function seedDemoChannelRegisters(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const at = clock.now();
  const regionOf = new Map(catalog.counties.map((c) => [c.name, c.regionId]));
  await insertServiceWindows(
    tx,
    DEMO_WINDOWS.map((w, i) => ({
      centre_id: catalog.centreId,
      name: w.name,
      hall: w.hall,
      level: w.level,
      region_id: w.county ? (regionOf.get(w.county) ?? null) : null,
      sort: i,
      created_at: at,
      updated_at: at,
    })),
  );
  await insertMergedLines(
    tx,
    DEMO_LINES.map((l) => ({
      centre_id: catalog.centreId,
      number: l.number,
      name: l.name,
      former_department: l.department,
      mode: l.mode,
      merged_on: DEMO_MERGED_ON,
      retired_on: l.mode === 'retired' ? DEMO_MERGED_ON : null,
      created_at: at,
      updated_at: at,
    })),
  );
  await saveCriterion(
    tx,
    catalog.centreId,
    {
      retire_max_calls: DEMO_CRITERION.maxCalls,
      retire_max_share: DEMO_CRITERION.maxShare,
      retire_months: DEMO_CRITERION.months,
    },
    at,
  );
  return DEMO_WINDOWS.length + DEMO_LINES.length;
}

const DAY_MS = 86_400_000;

/**
 * After the history: the calls of the last `days` days on 12345 and on each parallel line (the CTI's
 * records), the dialled number on phoned-in orders in the same proportions, and the window on window
 * appeals (the county's own window when the appeal names a county, else one in the league's hall).
 * Its own seeded generator: the history stays what it was.
 */
export async function seedDemoChannelTraffic(
  deps: Deps,
  catalog: DemoCatalog,
  days = 120,
): Promise<{ calls: number; orders: number }> {
  const rng = new Rng(16_2021);
  const now = deps.clock.now().getTime();
  const numbers = [
    { number: MAIN_HOTLINE, monthly: DEMO_MAIN_MONTHLY_CALLS },
    ...DEMO_LINES.filter((l) => l.mode === 'parallel').map((l) => ({ number: l.number, monthly: l.monthlyCalls })),
  ];
  const calls: Insertable<CallsTable>[] = [];
  for (const n of numbers) {
    const expected = (n.monthly * days) / 30;
    const count = Math.max(0, Math.round(expected * (0.9 + rng.next() * 0.2)));
    for (let i = 0; i < count; i++) {
      const offeredAt = new Date(now - rng.next() * days * DAY_MS);
      const answered = rng.chance(n.number === MAIN_HOTLINE ? 0.95 : 0.9);
      const wait = rng.int(2, answered ? 40 : 90);
      const answeredAt = answered ? new Date(offeredAt.getTime() + wait * 1000) : null;
      const talk = answered ? rng.int(60, 420) : null;
      calls.push({
        centre_id: catalog.centreId,
        external_id: `demo-line-${n.number}-${i}`,
        hotline_number: n.number,
        caller_number: null,
        operator_user_id: null,
        operator_ext: null,
        status: answered ? 'ended' : 'abandoned',
        offered_at: offeredAt,
        answered_at: answeredAt,
        ended_at: new Date(offeredAt.getTime() + (wait + (talk ?? 0)) * 1000),
        wait_seconds: wait,
        talk_seconds: talk,
        recording_url: null,
        created_at: offeredAt,
        updated_at: offeredAt,
      });
    }
  }
  await insertDemoCalls(deps.db, calls);

  const orders = await listChannelOrders(deps.db, catalog.centreId);
  const total = numbers.reduce((s, n) => s + n.monthly, 0);
  const byNumber = new Map<string, string[]>();
  const byWindow = new Map<string, string[]>();
  const windows = await listServiceWindows(deps.db, catalog.centreId);
  const league = windows.filter((w) => w.level === 'centre');
  for (const o of orders) {
    if (o.channel === 'phone') {
      let x = rng.next() * total;
      const hit = numbers.find((n) => (x -= n.monthly) < 0) ?? numbers[0]!;
      byNumber.set(hit.number, [...(byNumber.get(hit.number) ?? []), o.id]);
    } else {
      const own = windows.find((w) => w.region_id !== null && w.region_id === o.region_id);
      const w = own && rng.chance(0.7) ? own : rng.pick(league);
      if (w) byWindow.set(w.id, [...(byWindow.get(w.id) ?? []), o.id]);
    }
  }
  for (const [number, ids] of byNumber) await setSourceNumber(deps.db, number, ids);
  for (const [windowId, ids] of byWindow) await setWindow(deps.db, windowId, ids);
  return { calls: calls.length, orders: orders.length };
}
