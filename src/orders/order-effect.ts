import type { Executor } from '../db/database.js';
import type { Order, OrderUpdate } from '../db/schema.js';
import type { Actor } from '../users/roles.js';
import type { ActionPayload, OrderAction } from './order-actions.schemas.js';
import type { DeadlineView } from '../contract/orders.js';
import type { HopRow } from './order-hop.repository.js';

/** The shape of one action's effect (order-transition-effects.ts, merge.effects.ts). */
export interface EffectContext<A extends OrderAction> {
  tx: Executor;
  order: Order;
  payload: ActionPayload<A>;
  actor: Actor;
  at: Date;
  note: string | null;
  /** The open hops of a forwarded order, top first (empty when it is not forwarded down). */
  openHops: readonly HopRow[];
  /** The order's stage deadlines (read through the time-limit port; the forward checks its own limit). */
  deadlines: () => Promise<DeadlineView<Date>[]>;
}

/** What a transition changes besides the state: columns of the order and the event's payload. */
export interface EffectResult {
  patch: OrderUpdate;
  eventPayload?: Record<string, unknown>;
  /** Set when this step made the order a 疑难件. */
  escalatedBecause?: 'rehandles' | 'redispatches';
}

export type Effect<A extends OrderAction> = (ctx: EffectContext<A>) => Promise<EffectResult>;

export const closing = (at: Date, kind: string): OrderUpdate => ({ closed_at: at, closure_kind: kind });
