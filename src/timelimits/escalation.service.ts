import { findCentreTimezone } from '../calendar/calendar.repository.js';
import { centreTimeZone, formatLocal } from '../shared/time-zone.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { text } from '../i18n/messages.js';
import { notify, type NotifyAudience } from '../notifications/notify.js';
import { findUnit } from '../org/unit.repository.js';
import { recordOrderEvent, type MonitorEvent, type OrderEventInput } from '../orders/timeline-events.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import type { Deps } from '../shared/deps.js';
import type { Role } from '../users/roles.js';
import {
  findAutoSupervisionOfDeadline,
  findOpenAutoSupervisionOfOrder,
  insertLeaderFollowup,
  insertSupervision,
} from '../supervision/supervision.repository.js';
import { nextCheckAt } from './deadline-plan.js';
import {
  endDeadlines,
  lockActiveDeadlines,
  markThresholdFired,
  refreshOrderDeadlineSummary,
  updateDeadline,
} from './deadline.repository.js';
import { loadTimelimitContext, type TimelimitContext } from './timelimit-context.js';
import type { OrderDeadline, Stage } from './timelimits.table.js';

export const SYSTEM_LABEL = '系统（时限监控） / system (time limits)';

type Step = 'yellow' | 'urge' | 'red' | 'supervise' | 'leader';
const FIRED = {
  yellow: 'yellow_fired_at',
  urge: 'urge_fired_at',
  red: 'red_fired_at',
  supervise: 'supervise_fired_at',
  leader: 'leader_fired_at',
} as const;
const AT = { yellow: 'warn_at', urge: 'urge_at', red: 'due_at', supervise: 'supervise_at', leader: 'leader_at' } as const;
const LADDER: Step[] = ['yellow', 'urge', 'red', 'supervise', 'leader'];

/** Who hears about a centre stage (no unit answers for it). */
const CENTRE_ROLES: Record<Stage, Role[]> = {
  dispatch: ['dispatcher'],
  sign: ['dispatcher'],
  contact: ['supervisor'],
  reply: ['supervisor'],
  review: ['supervisor'],
  visit: ['supervisor'],
  check: ['supervisor'],
  // a task's clock always has its unit; these roles hear of it only if that unit was deleted
  hop_sign: ['supervisor'],
  hop_reply: ['supervisor'],
  assist: ['supervisor'],
  verify: ['dispatcher'],
};

interface FireContext {
  tx: Executor;
  order: Order;
  d: OrderDeadline;
  at: Date;
  ctx: () => Promise<TimelimitContext>;
  /** The centre's zone alone: most steps only format a time, so they skip loading the calendar. */
  timezone: () => Promise<string>;
  /** For a task's clock (a hop, an assisting task), the unit that answers for it, named on the timeline. */
  taskUnit: () => Promise<{ unitId?: string; unitName?: string }>;
}

/** A step of the time-limit monitor on the timeline: which clock fired, and what it did. */
async function systemEvent(f: FireContext, event: MonitorEvent) {
  const facts = { stage: f.d.stage, deadlineId: f.d.id, dueAt: f.d.due_at.toISOString(), ...(await f.taskUnit()) };
  await recordOrderEvent(f.tx, f.order, {
    kind: event.kind,
    by: { system: SYSTEM_LABEL },
    at: f.at,
    payload: { ...facts, ...event.payload },
  } as OrderEventInput);
}

async function tell(f: FireContext, step: Step, audience: NotifyAudience, due: Date) {
  const tz = await f.timezone();
  const stage = text(`stage.${f.d.stage}`);
  await notify(
    f.tx,
    {
      kind: `timelimit.${step}`,
      centreId: f.order.centre_id,
      orderId: f.order.id,
      textKey: `notice.${step}`,
      vars: { orderNo: f.order.order_no, stage: stage.zh, due: formatLocal(due, tz) },
      audience,
      sourceKey: `${step}:${f.d.id}:${f.d.due_at.toISOString()}`,
      data: { stage: f.d.stage, orderNo: f.order.order_no, dueAt: due.toISOString() },
    },
    f.at,
  );
}

const unitOr = (f: FireContext, extra: Role[] = []): NotifyAudience =>
  f.d.unit_id ? { unitId: f.d.unit_id, centreRoles: extra } : { centreRoles: [...CENTRE_ROLES[f.d.stage], ...extra] };

/** The effect of one threshold, run once (after its fired marker was set by this transaction). */
async function fire(f: FireContext, step: Step): Promise<void> {
  switch (step) {
    case 'yellow':
      await systemEvent(f, { kind: 'deadline_warning', payload: { level: 'yellow' } });
      return tell(f, step, unitOr(f), f.d.due_at);
    case 'red':
      await systemEvent(f, { kind: 'deadline_warning', payload: { level: 'red' } });
      return tell(f, step, unitOr(f, ['supervisor']), f.d.due_at);
    case 'urge':
      await systemEvent(f, { kind: 'urge', payload: { origin: 'auto' } });
      return tell(f, step, unitOr(f), f.d.due_at);
    case 'supervise': {
      // One lateness, one 督办单: when the sign and contact clocks run out together, the order's open
      // automatic 督办单 already covers the second stage. A hop's or an assisting unit's lateness is
      // that unit's own (ADR 0152): one open automatic 督办单 per order and unit.
      if (await findOpenAutoSupervisionOfOrder(f.tx, f.order.id, f.d.unit_id)) return;
      const c = await f.ctx();
      const due = c.cal.endOfWorkingDays(f.at, c.settings.supervisionDueWorkingDays);
      const s = await insertSupervision(f.tx, {
        order_id: f.order.id,
        centre_id: f.order.centre_id,
        deadline_id: f.d.id,
        unit_id: f.d.unit_id,
        origin: 'auto',
        reason: text('supervision.autoReason', { stage: text(`stage.${f.d.stage}`).zh }).zh,
        issued_by: null,
        issued_at: f.at,
        due_at: due,
        status: 'open',
      });
      if (!s) return;
      f.d.leader_at = due;
      await updateDeadline(f.tx, f.d.id, { leader_at: due });
      await systemEvent(f, {
        kind: 'supervise',
        payload: { origin: 'auto', supervisionId: s.id, supervisionDueAt: due.toISOString() },
      });
      return tell(f, step, unitOr(f, ['supervisor']), due);
    }
    case 'leader': {
      const s = await findAutoSupervisionOfDeadline(f.tx, f.d.id);
      if (!s || s.status !== 'open') return; // answered in time: no leader follow-up
      const reason = text('supervision.leaderReason').zh;
      const added = await insertLeaderFollowup(f.tx, {
        orderId: f.order.id,
        centreId: f.order.centre_id,
        reason,
        origin: 'auto',
        by: null,
        at: f.at,
      });
      if (!added) return;
      await systemEvent(f, { kind: 'leader_followup', payload: { origin: 'auto', supervisionId: s.id } });
      return tell(f, step, { centreRoles: ['leader', 'supervisor'] }, s.due_at);
    }
  }
}

/**
 * The per-order job fanned out by the sweep: fires every threshold of the order's running deadlines
 * that is due and has not fired. Each threshold fires once: its marker is set by a conditional
 * update in the same transaction as its event, so two workers on one order cannot both fire it.
 * Nothing fires for a closed order.
 */
export async function checkOrderDeadlines(deps: Deps, orderId: string): Promise<Step[]> {
  return deps.db.transaction().execute(async (tx) => {
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) return [];
    const at = deps.clock.now();
    if (FINAL_STATES.includes(order.state as OrderState)) {
      if ((await endDeadlines(tx, order.id, 'cancelled', at)) > 0) await refreshOrderDeadlineSummary(tx, order.id);
      return [];
    }
    let cached: Promise<TimelimitContext> | undefined;
    const ctx = () => (cached ??= loadTimelimitContext(tx, order));
    let zone: Promise<string> | undefined;
    const timezone = () => (zone ??= findCentreTimezone(tx, order.centre_id).then(centreTimeZone));
    const fired: Step[] = [];
    for (const d of await lockActiveDeadlines(tx, order.id)) {
      if (d.status !== 'running') continue;
      const taskUnit = async () => {
        if (d.task_id === null || d.unit_id === null) return {};
        const unit = await findUnit(tx, order.centre_id, d.unit_id);
        return { unitId: d.unit_id, unitName: unit?.name ?? '' };
      };
      for (const step of LADDER) {
        const when = d[AT[step]];
        if (when === null || when.getTime() > at.getTime() || d[FIRED[step]] !== null) continue;
        if (!(await markThresholdFired(tx, d.id, FIRED[step], at))) continue;
        d[FIRED[step]] = at;
        await fire({ tx, order, d, at, ctx, timezone, taskUnit }, step);
        fired.push(step);
      }
      await updateDeadline(tx, d.id, { next_check_at: nextCheckAt(d), claimed_until: null });
    }
    return fired;
  });
}
