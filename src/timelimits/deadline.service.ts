import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { domainError } from '../shared/errors.js';
import { formatLocal } from '../shared/time-zone.js';
import { addClockMs, remainingMs } from './deadline-math.js';
import { nextCheckAt, planDeadline, thresholds } from './deadline-plan.js';
import {
  endDeadlines,
  endTaskDeadlines,
  insertDeadline,
  listOrderDeadlines,
  lockActiveDeadlines,
  updateDeadline,
} from './deadline.repository.js';
import { resolveRule, type ResolvedRule } from './policy-resolution.js';
import type { TimelimitContext } from './timelimit-context.js';
import type { TaskStage } from '../contract/vocabulary.js';
import type { OrderDeadline, OrderDeadlinesTable, Stage } from './timelimits.table.js';

const withHistory = (d: OrderDeadline, entry: Record<string, unknown>) => {
  const explanation = d.explanation as { history?: unknown[] };
  return JSON.stringify({ ...explanation, history: [...(explanation.history ?? []), entry] });
};

/** The row of a stage clock starting at `at` (rule, plan, thresholds, explanation), without its order. */
function planStage(ctx: TimelimitContext, stage: Stage, at: Date, given?: ResolvedRule) {
  const rule = given ?? resolveRule(ctx.rules, stage, ctx.facts);
  const plan = planDeadline(ctx.cal, stage, rule, at, ctx.settings);
  const row = {
    warn_at: plan.warnAt,
    urge_at: plan.urgeAt,
    due_at: plan.dueAt,
    supervise_at: plan.superviseAt,
    leader_at: null,
    yellow_fired_at: null,
    urge_fired_at: null,
    red_fired_at: null,
    supervise_fired_at: null,
    leader_fired_at: null,
  };
  return {
    stage,
    status: 'running' as const,
    policy_id: rule.policyId,
    amount: rule.amount,
    unit: rule.unit,
    clock: plan.clock,
    started_at: at,
    original_due_at: plan.dueAt,
    next_check_at: nextCheckAt(row),
    explanation: JSON.stringify(plan.explanation),
    ...row,
  };
}

/**
 * Starts the clock of one stage (replacing an active deadline of the same stage), by the centre's
 * rule for the order, or by `rule` when the step sets its own limit (阶段性答复, ADR 0121).
 */
export async function startStage(
  tx: Executor,
  ctx: TimelimitContext,
  order: Order,
  stage: Stage,
  at: Date,
  unitId: string | null,
  rule?: ResolvedRule,
): Promise<OrderDeadline> {
  await endDeadlines(tx, order.id, 'cancelled', at, [stage]);
  return insertDeadline(tx, {
    order_id: order.id,
    centre_id: order.centre_id,
    unit_id: unitId,
    ...planStage(ctx, stage, at, rule),
  });
}

/** The reply clock after a 阶段性答复: the centre's `progressWorkingDays` (default 5, the seed's 办不成事 rule). */
export function progressReportRule(ctx: TimelimitContext): ResolvedRule {
  const days = ctx.settings.progressWorkingDays;
  return {
    stage: 'reply',
    priority: null,
    appealType: null,
    categoryId: null,
    amount: days,
    unit: 'working_days',
    note: `阶段性答复后 ${days} 个工作日内再次反馈办理进度`,
    source: 'default',
    policyId: null,
    specificity: 0,
  };
}

/**
 * A stage's row planned by `rule` from `at` but never due past `limit`: a clock that nests inside
 * another (a desk's dispatch inside the order's, a hop's sign-for inside the hop). A limit already
 * passed leaves an overdue clock at once, which is the truth.
 */
function planStageWithin(ctx: TimelimitContext, stage: Stage, at: Date, limit: Date | null, rule?: ResolvedRule) {
  const planned = planStage(ctx, stage, at, rule);
  if (!limit || planned.due_at.getTime() <= limit.getTime()) return { row: planned, capped: false };
  const t = thresholds(ctx.cal, stage, planned.clock, at, limit, ctx.settings);
  const passed = limit.getTime() <= at.getTime();
  const row = {
    ...planned,
    due_at: limit,
    original_due_at: limit,
    warn_at: passed ? limit : t.warnAt,
    urge_at: t.urgeAt === null ? null : passed ? limit : t.urgeAt,
    supervise_at: t.superviseAt,
  };
  row.next_check_at = nextCheckAt(row);
  const explanation = JSON.parse(planned.explanation) as Record<string, unknown>;
  Object.assign(explanation, { dueLocal: formatLocal(limit, ctx.cal.timezone), cappedAt: limit.toISOString() });
  return { row: { ...row, explanation: JSON.stringify(explanation) }, capped: true };
}

/** What a task's clock is for: the task, the unit that answers for it, the stage and its limit. */
export interface TaskClock {
  taskId: string;
  unitId: string;
  stage: TaskStage;
  /** The task's own deadline: the clock is never due later. */
  dueAt: Date;
  /** The rule the clock runs by before the cap (default: exactly until `dueAt`, on the wall clock). */
  rule?: ResolvedRule;
  note: string;
}

/**
 * Starts the clock of a task inside the order (ADR 0152): a hop's sign-for or reply, an assisting
 * unit's opinion. It is an order_deadlines row like a stage's, so the monitor's sweep and ladder
 * (warning, 催办, 督办单 to the task's unit, 领导盯办) apply to it unchanged.
 */
export async function startTaskClock(tx: Executor, ctx: TimelimitContext, order: Order, at: Date, t: TaskClock) {
  await endTaskDeadlines(tx, t.taskId, 'cancelled', at, [t.stage]);
  const minutes = Math.max(1, Math.ceil((t.dueAt.getTime() - at.getTime()) / 60_000));
  const rule: ResolvedRule = t.rule ?? {
    stage: 'reply',
    priority: null,
    appealType: null,
    categoryId: null,
    amount: minutes,
    unit: 'minutes',
    note: t.note,
    source: 'task',
    policyId: null,
    specificity: 0,
  };
  const { row } = planStageWithin(ctx, t.stage, at, t.dueAt, { ...rule, note: t.note });
  return insertDeadline(tx, {
    order_id: order.id,
    centre_id: order.centre_id,
    unit_id: t.unitId,
    task_id: t.taskId,
    ...row,
  });
}

/**
 * The dispatch clock of the desk that now holds the order (ADR 0110): the stage's own limit counted
 * from now, but never past the order's dispatch limit — the first desk's due instant, carried along
 * as `orderLimitAt` — so each level's clock nests inside the order's limit. A limit already passed
 * leaves the new desk an overdue clock at once, which is the truth.
 */
export async function restartDispatchWithinLimit(tx: Executor, ctx: TimelimitContext, order: Order, at: Date) {
  const previous = (await listOrderDeadlines(tx, order.id)).filter((d) => d.stage === 'dispatch').at(-1);
  const carried = (previous?.explanation as { orderLimitAt?: string } | undefined)?.orderLimitAt;
  const limit = carried ? new Date(carried) : (previous?.original_due_at ?? null);
  await endDeadlines(tx, order.id, 'cancelled', at, ['dispatch']);
  const { row, capped } = planStageWithin(ctx, 'dispatch', at, limit);
  const explanation = {
    ...(JSON.parse(row.explanation) as Record<string, unknown>),
    orderLimitAt: limit?.toISOString() ?? null,
    ...(capped ? { cappedByOrderLimit: true } : {}),
  };
  return insertDeadline(tx, {
    order_id: order.id,
    centre_id: order.centre_id,
    unit_id: order.desk_unit_id,
    ...row,
    explanation: JSON.stringify(explanation),
  });
}

/**
 * Intake's stage clock (受理 → 派单, ADR 0011), planned before the order row is written: the order is
 * inserted with its deadline summary (one row version, no update), and the deadline row (`rowFor`)
 * is written with the order's other new rows once it has its id (ADR 0013).
 */
export function planIntakeDeadline(ctx: TimelimitContext, at: Date) {
  const planned = planStage(ctx, 'dispatch', at);
  return {
    /** The order's summary columns, as refreshOrderDeadlineSummary would set them for this one running clock. */
    summary: { deadline_stage: planned.stage, deadline_due_at: planned.due_at, deadline_warn_at: planned.warn_at },
    rowFor: (order: Pick<Order, 'id' | 'centre_id'>): Insertable<OrderDeadlinesTable> => ({
      order_id: order.id,
      centre_id: order.centre_id,
      unit_id: null,
      ...planned,
    }),
  };
}

/** Pauses every running deadline of the order, keeping the time left on its own clock. */
export async function pauseClock(tx: Executor, ctx: TimelimitContext, order: Order, at: Date, reason: string) {
  const running = (await lockActiveDeadlines(tx, order.id)).filter((d) => d.status === 'running');
  if (running.length === 0) throw domainError('CONFLICT', 'timelimit.nothingToPause');
  for (const d of running) {
    const left = remainingMs(ctx.cal, d.clock, at, d.due_at);
    await updateDeadline(tx, d.id, {
      status: 'paused',
      paused_at: at,
      paused_remaining_ms: left,
      next_check_at: null,
      explanation: withHistory(d, { kind: 'pause', atLocal: formatLocal(at, ctx.cal.timezone), remainingMs: left, reason }),
    });
  }
}

/** Resumes paused deadlines: the new due instant is the time that was left, counted from now. */
export async function resumeClock(tx: Executor, ctx: TimelimitContext, order: Order, at: Date) {
  const paused = (await lockActiveDeadlines(tx, order.id)).filter((d) => d.status === 'paused');
  if (paused.length === 0) throw domainError('CONFLICT', 'timelimit.nothingToResume');
  for (const d of paused) {
    const left = Number(d.paused_remaining_ms ?? 0);
    const dueAt = addClockMs(ctx.cal, d.clock, at, left);
    const budget = Number((d.explanation as { budgetMs?: number }).budgetMs ?? left);
    // Thresholds keep their share of the whole budget: a warning not yet reached moves with the clock.
    const shifted = (share: number, old: Date | null, fired: Date | null) => {
      if (old === null || fired !== null) return old;
      const leftAtThreshold = budget * (1 - share);
      return left > leftAtThreshold ? addClockMs(ctx.cal, d.clock, at, left - leftAtThreshold) : at;
    };
    const t = thresholds(ctx.cal, d.stage, d.clock, at, dueAt, ctx.settings);
    const next = {
      ...d,
      due_at: dueAt,
      warn_at: shifted(ctx.settings.yellowShare, d.warn_at, d.yellow_fired_at) ?? d.warn_at,
      urge_at: shifted(ctx.settings.urgeShare, d.urge_at, d.urge_fired_at),
      supervise_at: d.supervise_fired_at ? d.supervise_at : t.superviseAt,
    };
    await updateDeadline(tx, d.id, {
      status: 'running',
      due_at: next.due_at,
      warn_at: next.warn_at,
      urge_at: next.urge_at,
      supervise_at: next.supervise_at,
      paused_at: null,
      paused_remaining_ms: null,
      paused_total_ms: Number(d.paused_total_ms) + (at.getTime() - (d.paused_at?.getTime() ?? at.getTime())),
      next_check_at: nextCheckAt(next),
      explanation: withHistory(d, {
        kind: 'resume',
        atLocal: formatLocal(at, ctx.cal.timezone),
        dueLocal: formatLocal(dueAt, ctx.cal.timezone),
      }),
    });
  }
}

/**
 * A unit asks for more time: the date must lie after the running reply deadline, or the "extension"
 * would shorten it (the dispatcher approving it would put the order overdue at once).
 */
export async function rememberRequestedExtension(tx: Executor, ctx: TimelimitContext, orderId: string, requested: Date) {
  for (const d of await lockActiveDeadlines(tx, orderId)) {
    if (d.stage !== 'reply') continue;
    if (d.status === 'running' && requested.getTime() <= d.due_at.getTime()) {
      throw extensionRefused('timelimit.extensionNotLater', d.due_at, ctx);
    }
    await updateDeadline(tx, d.id, { requested_due_at: requested });
  }
}

export async function forgetRequestedExtension(tx: Executor, orderId: string) {
  for (const d of await lockActiveDeadlines(tx, orderId)) {
    if (d.stage === 'reply') await updateDeadline(tx, d.id, { requested_due_at: null });
  }
}

const extensionRefused = (key: 'timelimit.extensionNotLater' | 'timelimit.extensionPassed', due: Date, ctx: TimelimitContext) =>
  domainError('VALIDATION', key, { due: formatLocal(due, ctx.cal.timezone) }, { field: 'newDeadline' });

/**
 * An approved extension moves the reply deadline to the date requested; the warning ladder is
 * recomputed from now to the new date and fires again (a new deadline), while an issued 督办单 stays.
 */
export async function applyApprovedExtension(tx: Executor, ctx: TimelimitContext, order: Order, at: Date) {
  for (const d of await lockActiveDeadlines(tx, order.id)) {
    if (d.stage !== 'reply' || !d.requested_due_at) continue;
    const dueAt = d.requested_due_at;
    // Approved only after the date asked for went by: the unit has to ask again with a real date.
    if (dueAt.getTime() <= at.getTime()) throw extensionRefused('timelimit.extensionPassed', dueAt, ctx);
    const running = d.status === 'running';
    const left = remainingMs(ctx.cal, d.clock, at, dueAt);
    const t = thresholds(ctx.cal, d.stage, d.clock, at, dueAt, ctx.settings);
    const next = {
      ...d,
      due_at: dueAt,
      warn_at: t.warnAt,
      urge_at: t.urgeAt,
      supervise_at: d.supervise_fired_at ? d.supervise_at : t.superviseAt,
      yellow_fired_at: null,
      urge_fired_at: null,
      red_fired_at: null,
    };
    await updateDeadline(tx, d.id, {
      due_at: dueAt,
      warn_at: next.warn_at,
      urge_at: next.urge_at,
      supervise_at: next.supervise_at,
      yellow_fired_at: null,
      urge_fired_at: null,
      red_fired_at: null,
      requested_due_at: null,
      ...(running ? { next_check_at: nextCheckAt(next) } : { paused_remaining_ms: left }),
      explanation: withHistory(d, {
        kind: 'extension',
        atLocal: formatLocal(at, ctx.cal.timezone),
        fromLocal: formatLocal(d.due_at, ctx.cal.timezone),
        dueLocal: formatLocal(dueAt, ctx.cal.timezone),
      }),
    });
  }
}
