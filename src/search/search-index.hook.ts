import type { TransitionHookContext } from '../orders/transition-hooks.js';
import { indexOrderText } from './search.service.js';

/** Keeps an order's search lexemes current in the same transaction as intake or an edit of its text. */
export async function searchIndexHook(ctx: TransitionHookContext): Promise<void> {
  const { before, after } = ctx;
  const textChanged =
    before === null || before.title !== after.title || before.content !== after.content || before.address !== after.address;
  if (textChanged) await indexOrderText(ctx.tx, ctx.clock, after);
}
