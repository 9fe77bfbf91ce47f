/**
 * The counts of the xilingol-2021 scenario (seed: Xilingol League 12345, May–July 2021): 7600 calls
 * connected, 6924 appeals accepted, 2071 handled directly, 3853 transferred, 5624 closed,
 * satisfaction 98.45 %. The seed does not say what the other 1000 accepted appeals were
 * (6924 − 2071 − 3853); here they are 620 无效件 (not accepted / emergency line / lawful channel) and
 * 380 重复件 merged into earlier orders — neither is handled, so neither is in 办结率's denominator.
 * The seed's 5624 closed = 2071 direct + 3553 transferred closed after a return visit; the other 300
 * transferred orders are still open at the end of July.
 */
export const SEED_COUNTS = {
  answeredCalls: 7600,
  abandonedCalls: 290,
  accepted: 6924,
  direct: 2071,
  transferred: 3853,
  closed: 5624,
  merged: 380,
  satisfaction: 0.9845,
  unreachableVisits: 47,
  returned: 110,
  rehandled: 60,
} as const;

export interface ScenarioPlan {
  scale: number;
  answeredCalls: number;
  abandonedCalls: number;
  /** Answered calls that started an order (the rest: follow-ups, hang-ups after answer). */
  phoneOrders: number;
  accepted: number;
  direct: number;
  transferred: number;
  invalid: number;
  merged: number;
  closedTransferred: number;
  openTransferred: number;
  /** Return visits at closing: not reached, reached with 满意 / 基本满意 / 不满意. */
  unreachable: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  returned: number;
  rehandled: number;
}

/**
 * Splits valid visits so that (满意 + 基本满意) / valid rounds to the seed's satisfaction at 4
 * places: starting from the wanted number of unreachable visits, the first count of valid visits
 * for which a whole number of satisfied visits gives exactly 98.45 % (else the closest).
 */
function visitSplit(closed: number, wantedUnreachable: number, target: number) {
  let best = { unreachable: wantedUnreachable, valid: 0, good: 0, error: Infinity };
  for (let unreachable = wantedUnreachable; unreachable < closed; unreachable++) {
    const valid = closed - unreachable;
    const good = Math.round(target * valid);
    if (Math.round((good / valid) * 10_000) === Math.round(target * 10_000)) return { unreachable, valid, good };
    const error = Math.abs(good / valid - target);
    if (error < best.error) best = { unreachable, valid, good, error };
  }
  // Too few visits for the exact figure (small scales): the closest split.
  return best;
}

/** The scenario's counts at a scale (1 = the seed's full three months). */
export function scenarioPlan(scale = 1): ScenarioPlan {
  if (!(scale > 0 && scale <= 1)) throw new Error('scale must be in (0, 1]');
  const s = (n: number) => Math.round(n * scale);
  const accepted = s(SEED_COUNTS.accepted);
  const direct = s(SEED_COUNTS.direct);
  const transferred = s(SEED_COUNTS.transferred);
  const merged = s(SEED_COUNTS.merged);
  const closedTransferred = s(SEED_COUNTS.closed - SEED_COUNTS.direct);
  const visits = visitSplit(closedTransferred, s(SEED_COUNTS.unreachableVisits), SEED_COUNTS.satisfaction);
  const basic = Math.round(visits.good * 0.12);
  const answeredCalls = s(SEED_COUNTS.answeredCalls);
  return {
    scale,
    answeredCalls,
    abandonedCalls: s(SEED_COUNTS.abandonedCalls),
    phoneOrders: Math.min(answeredCalls, Math.round(accepted * 0.92)),
    accepted,
    direct,
    transferred,
    invalid: accepted - direct - transferred - merged,
    merged,
    closedTransferred,
    openTransferred: transferred - closedTransferred,
    unreachable: visits.unreachable,
    satisfied: visits.good - basic,
    basic,
    dissatisfied: visits.valid - visits.good,
    returned: s(SEED_COUNTS.returned),
    rehandled: s(SEED_COUNTS.rehandled),
  };
}
