import type { TransitionHookContext } from '../orders/transition-hooks.js';
import { indexOrderText } from './search.service.js';

/**
 * Keeps an order's search lexemes current in the same transaction as an edit of its text. A new order
 * is inserted with its lexemes already (newOrderSearchVector at intake), so it is searchable from commit.
 */
export async function searchIndexHook(ctx: TransitionHookContext): Promise<void | 'order-updated'> {
  const { before, after } = ctx;
  if (before === null) return;
  const textChanged = before.title !== after.title || before.content !== after.content || before.address !== after.address;
  if (!textChanged) return;
  await indexOrderText(ctx.tx, ctx.clock, after);
  return 'order-updated';
}
