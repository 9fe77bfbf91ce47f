import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import type { Clock } from '../shared/clock.js';
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
}

export type TransitionHook = (ctx: TransitionHookContext) => Promise<void>;

/** Hooks run in this order after every transition and after intake (action 'accept'). */
export const registeredTransitionHooks: TransitionHook[] = [
  searchIndexHook,
  duplicateDetectHook,
  knowledgeUsageHook,
  timelimitHook,
];

export async function runTransitionHooks(ctx: TransitionHookContext): Promise<void> {
  for (const hook of registeredTransitionHooks) await hook(ctx);
}
