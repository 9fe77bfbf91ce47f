import type { IntakeHook, TransitionHook } from '../orders/order-hooks.js';
import { indexOrderText, newOrderSearchVector } from './search.service.js';

/** A new order is written with its lexemes, so it is searchable from commit (ADR 0013). */
export const searchIntakeHook: IntakeHook = async (ctx) => ({
  columns: { search_vector: await newOrderSearchVector(ctx.tx, ctx.clock, ctx.draft) },
});

/**
 * Keeps an order's search lexemes current in the same transaction as an edit of its text. A new order
 * is inserted with its lexemes already (newOrderSearchVector at intake), so it is searchable from commit.
 */
export const searchIndexHook: TransitionHook = async (ctx) => {
  const { before, after } = ctx;
  const textChanged = before.title !== after.title || before.content !== after.content;
  if (!textChanged) return;
  await indexOrderText(ctx.tx, ctx.clock, after);
  return 'order-updated';
};
