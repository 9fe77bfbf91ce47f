import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import type { Clock } from '../shared/clock.js';
import type { NewOutboxMessage } from '../outbox/outbox.repository.js';
import type { Actor } from '../users/roles.js';
import { timelimitHook } from '../timelimits/timelimit.hook.js';
import { searchIndexHook } from '../search/search-index.hook.js';
import { duplicateDetectHook } from '../duplicates/duplicate-detect.hook.js';
import { knowledgeUsageHook } from '../knowledge/knowledge-usage.hook.js';

/**
 * Work other capabilities do inside the same transaction as a state change (e.g. computing
 * deadlines when a stage starts). Registered explicitly in `registeredTransitionHooks`.
 */
export interface TransitionHookContext {
  readonly tx: Executor;
  readonly clock: Clock;
  readonly before: Order | null;
  readonly after: Order;
  readonly action: string;
  readonly actor: Actor;
  readonly payload: Record<string, unknown>;
  readonly at: Date;
  /**
   * Outbox messages of this step: a hook pushes its own (e.g. post-commit work); the caller writes
   * them all in one statement after the hooks, in the same transaction.
   */
  readonly outbox: NewOutboxMessage[];
}

/** A hook that changed the order row itself (e.g. the deadline summary) says so, so the caller re-reads it. */
export type TransitionHook = (ctx: TransitionHookContext) => Promise<void | 'order-updated'>;

/** Hooks run in this order after every transition and after intake (action 'accept'). */
export const registeredTransitionHooks: TransitionHook[] = [
  searchIndexHook,
  duplicateDetectHook,
  knowledgeUsageHook,
  timelimitHook,
];

/** Runs the hooks in order; true when one of them updated the order row. */
export async function runTransitionHooks(ctx: TransitionHookContext): Promise<boolean> {
  let orderUpdated = false;
  for (const hook of registeredTransitionHooks) if ((await hook(ctx)) === 'order-updated') orderUpdated = true;
  return orderUpdated;
}
