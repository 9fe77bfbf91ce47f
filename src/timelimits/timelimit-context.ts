import { loadCentreCalendar } from '../calendar/calendar.service.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { DEFAULT_ESCALATION, type EscalationSettings, type LimitRule } from './default-policies.js';
import {
  categoryChain,
  categoryChainOf,
  findCentreSettingsVersion,
  findEscalationSettings,
  listActivePolicies,
} from './policy.repository.js';
import type { OrderFacts } from './policy-resolution.js';

/** What computing an order's deadlines needs: the centre's calendar, ladder settings and rules. */
export interface TimelimitContext {
  cal: WorkingCalendar;
  settings: EscalationSettings;
  rules: (LimitRule & { id: string })[];
  facts: OrderFacts;
}

/** A centre's calendar, settings and rules as of one `centres.settings_version`. */
interface CentreRules {
  version: number;
  cal: WorkingCalendar;
  settings: EscalationSettings;
  rules: (LimitRule & { id: string })[];
}

/**
 * Per-process cache of each centre's rules, keyed by the version the database bumps (triggers of
 * migration 0150) whenever the calendar, the policies, the escalation settings or the time zone
 * change. Every use reads the version in its own transaction (a column of a row it reads anyway at
 * intake), so a change made through any process is used by every process from its commit on (ADR 0013).
 */
const cache = new Map<string, CentreRules>();

async function loadCentreRules(db: Executor, centreId: string, version: number | undefined): Promise<CentreRules> {
  const hit = cache.get(centreId);
  if (hit && version !== undefined && hit.version === version) return hit;
  // Read after the version: the rules are at least as new as the version they are filed under.
  const [cal, settings, policies] = await Promise.all([
    loadCentreCalendar(db, centreId),
    findEscalationSettings(db, centreId),
    listActivePolicies(db, centreId),
  ]);
  const loaded: CentreRules = {
    version: version ?? -1,
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
  };
  if (version !== undefined && (!hit || hit.version <= version)) cache.set(centreId, loaded);
  return loaded;
}

/** What the caller already read in this transaction (intake reads both with the centre). */
export interface KnownTimelimitFacts {
  settingsVersion?: number;
  /** categories.path of the order's category (null: none). */
  categoryPath?: string | null;
}

/** The facts of an order its deadlines depend on (a new order has them before it has an id). */
export type TimelimitOrderFacts = Pick<Order, 'centre_id' | 'category_id' | 'appeal_type' | 'priority'>;

export async function loadTimelimitContext(
  db: Executor,
  order: TimelimitOrderFacts,
  known: KnownTimelimitFacts = {},
): Promise<TimelimitContext> {
  const [version, chain] = await Promise.all([
    known.settingsVersion ?? findCentreSettingsVersion(db, order.centre_id),
    known.categoryPath !== undefined
      ? categoryChainOf(order.category_id, known.categoryPath)
      : categoryChain(db, order.category_id),
  ]);
  const centre = await loadCentreRules(db, order.centre_id, version);
  return {
    cal: centre.cal,
    settings: centre.settings,
    rules: centre.rules,
    facts: { appealType: order.appeal_type, priority: order.priority, categoryChain: chain },
  };
}
