import type { DuplicateReason } from '../contract/orders.js';

/**
 * How alike two appeals are, from independent pieces of evidence. Pure, so the weights can be read
 * and tested together. Each signal removes a share of the doubt: score = 1 − Π(1 − wᵢ·sᵢ).
 */
export const WEIGHTS = { sameCaller: 0.4, sameAddress: 0.3, sameRegion: 0.05, nearby: 0.3 } as const;

/** The centre's radius when neither the category nor its ancestors set one (FixMyStreet's "nearby"). */
export const DEFAULT_DUPLICATE_RADIUS_METRES = 200;

/** Shown at intake from this score on, with the reasons. */
export const CANDIDATE_MIN_SCORE = 0.3;
/** From this score on a candidate counts as a likely duplicate (the evaluation's decision line). */
export const LIKELY_SCORE = 0.6;

export type { DuplicateReason };

export interface Evidence {
  sameCaller: boolean;
  sameAddress: boolean;
  sameRegion: boolean;
  /** Cosine similarity of the two sets of lexemes, 0…1. */
  textSimilarity: number;
  /** Metres between the two orders' points, null when either has none. */
  distanceMetres?: number | null;
  /** Within this many metres the earlier appeal is nearby (the category's or the centre's radius). */
  radiusMetres?: number;
}

/**
 * How much a distance says "the same place", 0…1: 1 at the same point, falling linearly to 0 at the
 * radius, 0 beyond it or without two points.
 */
export function nearness(distanceMetres: number | null | undefined, radiusMetres: number): number {
  if (distanceMetres === null || distanceMetres === undefined || !(radiusMetres > 0)) return 0;
  return distanceMetres >= radiusMetres ? 0 : 1 - distanceMetres / radiusMetres;
}

/** Cosine similarity of two sets: |A∩B| / √(|A|·|B|). */
export function setCosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

/** Text below this similarity is not named as a reason. */
const TEXT_REASON_MIN = 0.3;

export function scoreDuplicate(e: Evidence): { score: number; reasons: DuplicateReason[] } {
  let doubt = 1 - e.textSimilarity;
  if (e.sameCaller) doubt *= 1 - WEIGHTS.sameCaller;
  if (e.sameAddress) doubt *= 1 - WEIGHTS.sameAddress;
  if (e.sameRegion) doubt *= 1 - WEIGHTS.sameRegion;
  // The same place said twice counts once: with the same address typed, the points add nothing.
  const near = e.sameAddress ? 0 : nearness(e.distanceMetres, e.radiusMetres ?? DEFAULT_DUPLICATE_RADIUS_METRES);
  doubt *= 1 - WEIGHTS.nearby * near;
  const reasons: DuplicateReason[] = [];
  if (e.sameCaller) reasons.push('same_caller');
  if (e.sameAddress) reasons.push('same_address');
  if (near > 0) reasons.push('nearby');
  if (e.textSimilarity >= TEXT_REASON_MIN) reasons.push('similar_text');
  if (e.sameRegion) reasons.push('same_region');
  return { score: Math.round((1 - doubt) * 1000) / 1000, reasons };
}

/**
 * A stored score and its reasons as they would be without the caller signal, for readers who may
 * not see callers (the caller's factor is divided back out of the product above).
 */
export function withoutCaller<R extends string>(score: number, reasons: readonly R[]): { score: number; reasons: R[] } {
  if (!(reasons as readonly string[]).includes('same_caller')) return { score, reasons: [...reasons] };
  const doubt = (1 - score) / (1 - WEIGHTS.sameCaller);
  return { score: Math.max(0, Math.round((1 - doubt) * 1000) / 1000), reasons: reasons.filter((r) => r !== 'same_caller') };
}
