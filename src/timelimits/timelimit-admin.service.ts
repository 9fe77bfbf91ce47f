import { loadCentreCalendar } from '../calendar/calendar.service.js';
import { formatLocal } from '../shared/time-zone.js';
import { findCategory } from '../org/catalog.repository.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import type { Order } from '../db/schema.js';
import type { Executor } from '../db/database.js';
import type { DeadlineView } from '../contract/orders.js';
import type { DeadlineExplanationView, PolicyView } from '../contract/timelimits.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { listOrderDeadlines } from './deadline.repository.js';
import { banbuchengRules, DEFAULT_ESCALATION, DEFAULT_RULES, type EscalationSettings } from './default-policies.js';
import {
  deactivatePolicy,
  findEscalationSettings,
  insertPolicy,
  listActivePolicies,
  updatePolicy,
  upsertEscalationSettings,
} from './policy.repository.js';
import type { PolicyStage } from '../contract/vocabulary.js';
import type { LimitUnit } from './timelimits.table.js';
import { presentDeadline } from './timelimit.presenter.js';

const ADMIN = ['admin'] as const;
const READERS = ['admin', 'supervisor', 'dispatcher', 'leader', 'analyst'] as const;
const need = (actor: Actor, roles: readonly string[]) => {
  if (!hasAnyRole(actor, roles as never)) throw forbidden();
};

export interface PolicyInput {
  stage: PolicyStage;
  appealType?: string | null;
  priority?: number | null;
  categoryId?: string | null;
  amount: number;
  unit: LimitUnit;
  note?: string | null;
}

export async function listPolicies(deps: Deps, actor: Actor): Promise<PolicyView<Date>> {
  need(actor, READERS);
  const [rules, settings] = await Promise.all([
    listActivePolicies(deps.db, actor.centreId),
    findEscalationSettings(deps.db, actor.centreId),
  ]);
  return { rules, defaults: DEFAULT_RULES, settings: settings ?? DEFAULT_ESCALATION };
}

async function checkCategory(deps: Deps, actor: Actor, categoryId: string | null | undefined) {
  if (categoryId && !(await findCategory(deps.db, actor.centreId, categoryId))) throw invalidField('categoryId');
}

/** Working-day limits above a year or minute limits above a month are typos, not policies. */
function checkAmount(amount: number, unit: LimitUnit) {
  const max = { minutes: 43_200, hours: 8_760, working_hours: 2_000, working_days: 250 }[unit];
  if (amount > max) throw invalidField('amount', `≤ ${max}`);
}

export async function createPolicy(deps: Deps, actor: Actor, input: PolicyInput) {
  need(actor, ADMIN);
  await checkCategory(deps, actor, input.categoryId);
  checkAmount(input.amount, input.unit);
  return insertPolicy(deps.db, {
    centre_id: actor.centreId,
    stage: input.stage,
    appeal_type: input.appealType ?? null,
    priority: input.priority ?? null,
    category_id: input.categoryId ?? null,
    amount: input.amount,
    unit: input.unit,
    note: input.note ?? null,
    updated_by: actor.userId,
    updated_at: deps.clock.now(),
  });
}

export type PolicyChange = { amount: number; unit: LimitUnit; note?: string | null };

export async function changePolicy(deps: Deps, actor: Actor, id: string, input: PolicyChange) {
  need(actor, ADMIN);
  checkAmount(input.amount, input.unit);
  const row = await updatePolicy(deps.db, actor.centreId, id, {
    ...input,
    note: input.note ?? null,
    by: actor.userId,
    at: deps.clock.now(),
  });
  if (!row) throw domainError('NOT_FOUND', 'timelimit.policyNotFound');
  return row;
}

export async function removePolicy(deps: Deps, actor: Actor, id: string) {
  need(actor, ADMIN);
  if (!(await deactivatePolicy(deps.db, actor.centreId, id, actor.userId, deps.clock.now()))) {
    throw domainError('NOT_FOUND', 'timelimit.policyNotFound');
  }
}

/** Adds the seeds' 办不成事 window (即办 / 2 / 5 working days) as rules for one category. */
export async function applyBanbuchengPreset(deps: Deps, actor: Actor, categoryId: string) {
  need(actor, ADMIN);
  await checkCategory(deps, actor, categoryId);
  if (!categoryId) throw invalidField('categoryId');
  return deps.db.transaction().execute(async (tx) => {
    const out = [];
    for (const r of banbuchengRules(categoryId)) {
      out.push(
        await insertPolicy(tx, {
          centre_id: actor.centreId,
          stage: r.stage,
          appeal_type: null,
          priority: r.priority,
          category_id: categoryId,
          amount: r.amount,
          unit: r.unit,
          note: r.note,
          updated_by: actor.userId,
          updated_at: deps.clock.now(),
        }),
      );
    }
    return out;
  });
}

/** The settings as sent; the assisting and progress-report limits, when left out, keep their current values. */
export type EscalationSettingsInput = Omit<EscalationSettings, 'assistWorkingDays' | 'progressWorkingDays'> &
  Partial<Pick<EscalationSettings, 'assistWorkingDays' | 'progressWorkingDays'>>;

export async function setEscalationSettings(
  deps: Deps,
  actor: Actor,
  input: EscalationSettingsInput,
): Promise<EscalationSettings> {
  need(actor, ADMIN);
  if (!(input.yellowShare > 0 && input.yellowShare < 1)) throw invalidField('yellowShare', '0 < x < 1');
  if (!(input.urgeShare >= input.yellowShare && input.urgeShare < 1)) throw invalidField('urgeShare', 'yellowShare ≤ x < 1');
  const current = (await findEscalationSettings(deps.db, actor.centreId)) ?? DEFAULT_ESCALATION;
  const s: EscalationSettings = {
    ...input,
    assistWorkingDays: input.assistWorkingDays ?? current.assistWorkingDays,
    progressWorkingDays: input.progressWorkingDays ?? current.progressWorkingDays,
  };
  await upsertEscalationSettings(deps.db, actor.centreId, s, actor.userId, deps.clock.now());
  return s;
}

/** How each deadline of an order was computed: rule, calendar days skipped, pauses, extensions. */
export async function explainOrderDeadlines(deps: Deps, actor: Actor, idOrNo: string) {
  return describeDeadlines(deps, await loadVisibleOrder(deps, actor, idOrNo));
}

/** The explanation for an order already authorised (the API) or looked up by an operator (CLI). */
export async function describeDeadlines(deps: Deps, order: Order): Promise<DeadlineExplanationView<Date>> {
  const cal = await loadCentreCalendar(deps.db, order.centre_id);
  const now = deps.clock.now();
  const deadlines = await readOrderDeadlines(deps.db, order.id, now);
  return {
    orderId: order.id,
    orderNo: order.order_no,
    state: order.state,
    timezone: cal.timezone,
    nowLocal: formatLocal(now, cal.timezone),
    deadlines: deadlines.map((d) => ({
      ...d,
      startedLocal: formatLocal(d.startedAt, cal.timezone),
      dueLocal: formatLocal(d.dueAt, cal.timezone),
    })),
  };
}

/** An order's deadline table (one row per stage and unit): the order page reads it through its port. */
export async function readOrderDeadlines(db: Executor, orderId: string, now: Date): Promise<DeadlineView<Date>[]> {
  return (await listOrderDeadlines(db, orderId)).map((d) => presentDeadline(d, now));
}
