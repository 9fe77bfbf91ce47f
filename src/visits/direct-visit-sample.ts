import { createHash } from 'node:crypto';

/**
 * Whether a 直办 order is drawn for a return visit at `share` (0..1): the first 32 bits of the SHA-256
 * of its id, as a fraction of 2³², below the share. Deterministic — the same order and share always
 * give the same answer, on any worker and in any run — and uniform, so about `share` of the orders
 * are drawn; raising the share keeps every order drawn before and adds others (ADR 0202).
 */
export function drawnForVisit(orderId: string, share: number): boolean {
  if (!(share > 0)) return false;
  const point = createHash('sha256').update(orderId, 'utf8').digest().readUInt32BE(0) / 2 ** 32;
  return point < share;
}
