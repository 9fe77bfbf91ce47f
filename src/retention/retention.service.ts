import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { indexOrderText } from '../search/search.service.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import type { RetentionView } from '../contract/retention.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import {
  countDueOrders,
  countErasedOrders,
  findCentreRetention,
  findLastRetentionRun,
  eraseCallNumbers,
  eraseOrderCaller,
  listDueOrders,
  listRetentionCentres,
  listVisitNotes,
  setRetentionYears,
  setVisitNote,
} from './retention.repository.js';
import { coarsen, scrubText, type CallerIdentifiers } from './scrub.js';

/** Orders erased per transaction: short transactions, as each holds its centre's timeline chain head (ADR 0161). */
const BATCH = 50;
/** The fields an erasure empties, as the timeline event names them. */
const ERASED_FIELDS = [
  'caller_name',
  'caller_phone',
  'address',
  'lat_lng',
  'title',
  'content',
  'calls.caller_number',
  'return_visits.note',
];

export interface RetentionCentreReport {
  centre: string;
  retentionYears: number;
  /** Orders closed before this instant are due. */
  closedBefore: Date;
  /** Orders due (dry run) or still due after the run. */
  due: number;
  anonymised: number;
}

/** `years` calendar years before `now` (29 February falls back to 28). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCDate() !== now.getUTCDate()) d.setUTCDate(0);
  return d;
}

/**
 * The end of retention (ADR 0174): in every centre (or the one named), closed orders that closed more
 * than the centre's `pii_retention_years` ago lose their caller's personal data — name, phone, address
 * (coordinates kept to about 1 km), the caller's identifiers and phone/ID-shaped numbers in the title,
 * content and return-visit notes, the numbers of their call records — and the search lexemes are
 * rebuilt from what is left. Each erasure is an `anonymise` event on the order's timeline (chained like
 * every timeline row, so `lianxin audit verify` stays intact) and each run an audit row per centre.
 * Counts, states, times, units, categories and regions stay: every figure is the same afterwards.
 * `dryRun` only counts. `maxOrders` bounds one run (the daily job); the next run goes on.
 */
export async function runRetention(
  deps: Deps,
  options: { dryRun?: boolean; centreCode?: string; maxOrders?: number } = {},
): Promise<RetentionCentreReport[]> {
  const now = deps.clock.now();
  const centres = await listRetentionCentres(deps.db, options.centreCode);
  if (options.centreCode !== undefined && centres.length === 0) throw invalidField('centre');
  let budget = options.maxOrders ?? Number.POSITIVE_INFINITY;
  const reports: RetentionCentreReport[] = [];
  for (const centre of centres) {
    const years = centre.pii_retention_years;
    const closedBefore = yearsBefore(now, years);
    let anonymised = 0;
    while (!options.dryRun && budget > 0) {
      const batch = await listDueOrders(deps.db, centre.id, closedBefore, Math.min(BATCH, budget));
      if (batch.length === 0) break;
      const done = await deps.db.transaction().execute(async (tx) => {
        let n = 0;
        for (const order of batch) if (await eraseOne(deps, tx, order, { closedBefore, years, at: now })) n++;
        return n;
      });
      anonymised += done;
      budget -= batch.length;
      if (done === 0) break; // another worker took them meanwhile
    }
    if (anonymised > 0)
      await logPiiAccess(deps.db, {
        userId: null,
        orderId: null,
        fields: [],
        purpose: 'retention.anonymised',
        at: now,
        centreId: centre.id,
        subject: null,
        detail: { orders: anonymised, retentionYears: years, closedBefore: closedBefore.toISOString() },
      });
    reports.push({
      centre: centre.code,
      retentionYears: years,
      closedBefore,
      due: await countDueOrders(deps.db, centre.id, closedBefore),
      anonymised,
    });
  }
  return reports;
}

type DueOrder = Awaited<ReturnType<typeof listDueOrders>>[number];

async function eraseOne(
  deps: Deps,
  tx: Executor,
  order: DueOrder,
  at: { closedBefore: Date; years: number; at: Date },
): Promise<boolean> {
  const caller: CallerIdentifiers = { name: order.caller_name, phone: order.caller_phone, address: order.address };
  const title = scrubText(order.title, caller);
  const content = scrubText(order.content, caller);
  const erased = await eraseOrderCaller(tx, order.id, at.closedBefore, {
    title: title.text,
    content: content.text,
    lat: coarsen(order.lat),
    lng: coarsen(order.lng),
    at: at.at,
  });
  if (!erased) return false;
  let replaced = title.replaced + content.replaced;
  for (const visit of await listVisitNotes(tx, order.id)) {
    const note = scrubText(visit.note!, caller);
    if (note.replaced > 0) await setVisitNote(tx, visit.id, note.text);
    replaced += note.replaced;
  }
  await eraseCallNumbers(tx, order.id);
  await indexOrderText(tx, deps.clock, {
    id: order.id,
    centre_id: order.centre_id,
    title: title.text,
    content: content.text,
  });
  await recordOrderEvent(tx, order, {
    kind: 'anonymise',
    by: { system: '个人信息保存期限' },
    at: at.at,
    payload: { retentionYears: at.years, fields: ERASED_FIELDS, textReplacements: replaced },
  });
  return true;
}

const checkYears = (years: number) => {
  if (!Number.isInteger(years) || years < 1 || years > 30) throw invalidField('years');
};

/**
 * The centre's retention period in years (1–30), set by the machine's operator (`lianxin retention
 * years`); the console's page sets it through setRetentionYearsAs.
 */
export async function setCentreRetentionYears(deps: Deps, centreCode: string, years: number) {
  checkYears(years);
  const [centre] = await listRetentionCentres(deps.db, centreCode);
  if (!centre) throw invalidField('centre');
  await changeRetentionYears(deps, centre.id, years, { userId: null, via: 'cli' });
}

/** The change and its audit row (`admin.centre.retention`, before and after) in one transaction. */
async function changeRetentionYears(
  deps: Deps,
  centreId: string,
  years: number,
  by: { userId: string | null; via: 'cli' | 'console' },
) {
  await deps.db.transaction().execute(async (tx) => {
    const centre = await findCentreRetention(tx, centreId);
    await setRetentionYears(tx, centreId, years);
    await logPiiAccess(tx, {
      userId: by.userId,
      orderId: null,
      fields: [],
      purpose: 'admin.centre.retention',
      at: deps.clock.now(),
      centreId,
      subject: centre.code,
      detail: { before: centre.pii_retention_years, after: years, via: by.via },
    });
  });
}

/** The actor's centre: its retention period, what is due now, what has been erased, the last run. */
export async function retentionView(deps: Deps, actor: Actor): Promise<RetentionView> {
  if (!can(actor, 'retention.manage')) throw forbidden();
  const centre = await findCentreRetention(deps.db, actor.centreId);
  const closedBefore = yearsBefore(deps.clock.now(), centre.pii_retention_years);
  const [due, erased, last] = await Promise.all([
    countDueOrders(deps.db, centre.id, closedBefore),
    countErasedOrders(deps.db, centre.id),
    findLastRetentionRun(deps.db, centre.id),
  ]);
  const orders = (last?.detail as { orders?: unknown } | null)?.orders;
  return {
    retentionYears: centre.pii_retention_years,
    closedBefore: closedBefore.toISOString(),
    due,
    erased,
    lastRun: last ? { at: new Date(last.at).toISOString(), orders: typeof orders === 'number' ? orders : 0 } : null,
  };
}

/** The system administrator changes the own centre's retention period (the console's 保存期限 page). */
export async function setRetentionYearsAs(deps: Deps, actor: Actor, years: number): Promise<RetentionView> {
  if (!can(actor, 'retention.manage')) throw forbidden();
  checkYears(years);
  await changeRetentionYears(deps, actor.centreId, years, { userId: actor.userId, via: 'console' });
  return retentionView(deps, actor);
}
