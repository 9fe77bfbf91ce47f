import { loadCentreCalendar } from '../calendar/calendar.service.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { DEFAULT_ESCALATION, type EscalationSettings, type LimitRule } from './default-policies.js';
import { categoryChain, findEscalationSettings, listActivePolicies } from './policy.repository.js';
import type { OrderFacts } from './policy-resolution.js';

/** What computing an order's deadlines needs: the centre's calendar, ladder settings and rules. */
export interface TimelimitContext {
  cal: WorkingCalendar;
  settings: EscalationSettings;
  rules: (LimitRule & { id: string })[];
  facts: OrderFacts;
}

export async function loadTimelimitContext(db: Executor, order: Order): Promise<TimelimitContext> {
  const [cal, settings, policies, chain] = await Promise.all([
    loadCentreCalendar(db, order.centre_id),
    findEscalationSettings(db, order.centre_id),
    listActivePolicies(db, order.centre_id),
    categoryChain(db, order.category_id),
  ]);
  return {
    cal,
    settings: settings ?? DEFAULT_ESCALATION,
    rules: policies.map((p) => ({
      id: p.id,
      stage: p.stage,
      appealType: p.appeal_type,
      priority: p.priority,
      categoryId: p.category_id,
      amount: p.amount,
      unit: p.unit,
      note: p.note,
    })),
    facts: { appealType: order.appeal_type, priority: order.priority, categoryChain: chain },
  };
}
