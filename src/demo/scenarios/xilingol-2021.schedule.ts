import type { Channel } from '../../orders/order.constants.js';
import type { Rng } from '../rng.js';
import type { ScenarioPlan } from './scenario-plan.js';

export type VisitOutcome = 'unreachable' | 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** What happens to one accepted appeal, decided before it is played through the domain functions. */
export interface OrderFate {
  at: Date;
  kind: 'direct' | 'invalid' | 'merged' | 'transferred';
  channel: Channel;
  /** The number the citizen dialled (双号并行: old department numbers route into 12345). */
  hotline: string;
  /** Seconds the call waited in the queue. */
  wait: number;
  returned: boolean;
  rehandled: boolean;
  stopAt: 'dispatched' | 'handling' | 'replied' | 'visiting' | 'closed';
  visit?: VisitOutcome;
}

export interface ExtraCall {
  at: Date;
  answered: boolean;
  wait: number;
  hotline: string;
}

const OLD_NUMBERS = ['12315', '12369', '12319', '12333', '12320'];

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const repeat = <T>(value: T, n: number): T[] => Array.from({ length: n }, () => value);

/** Random instants on working hours (08:00–20:00 Beijing time) over the period, sorted. */
function instants(n: number, fromDay: string, days: number, rng: Rng): Date[] {
  const start = Date.parse(`${fromDay}T00:00:00+08:00`);
  const out = Array.from({ length: n }, () => start + rng.int(0, days - 1) * 24 * 3600_000 + (8 + rng.next() * 12) * 3600_000);
  return out.sort((a, b) => a - b).map((t) => new Date(Math.floor(t / 1000) * 1000));
}

const waitSeconds = (rng: Rng) => (rng.chance(0.88) ? rng.int(2, 15) : rng.int(16, 90));
const hotline = (rng: Rng) => (rng.chance(0.85) ? '12345' : rng.pick(OLD_NUMBERS));

/**
 * The scenario's schedule: every accepted appeal's time and fate in time order, and the calls that
 * did not become orders. Open orders are among the last 15 % (still in progress on 31 July);
 * the first eight are handled orders (a duplicate needs an earlier order to merge into, also when
 * up to eight lanes play orders side by side).
 */
export function buildSchedule(plan: ScenarioPlan, rng: Rng, fromDay: string, days: number) {
  type Kind = OrderFate['kind'] | 'open';
  const settled: Kind[] = shuffle(
    [
      ...repeat<Kind>('direct', plan.direct),
      ...repeat<Kind>('invalid', plan.invalid),
      ...repeat<Kind>('merged', plan.merged),
      ...repeat<Kind>('transferred', plan.closedTransferred),
    ],
    rng,
  );
  // The first few are handled orders, so a duplicate always has an earlier order to merge into.
  const handled = (k: Kind | undefined) => k === 'direct' || k === 'transferred';
  for (let i = 0; i < Math.min(8, settled.length); i++) {
    if (handled(settled[i])) continue;
    const j = settled.findIndex((k, x) => x > 8 && handled(k));
    if (j > 0) [settled[i], settled[j]] = [settled[j]!, settled[i]!];
  }
  const kinds = [...settled];
  for (let o = 0; o < plan.openTransferred; o++) kinds.splice(rng.int(Math.floor(kinds.length * 0.85), kinds.length), 0, 'open');
  const times = instants(kinds.length, fromDay, days, rng);
  const channels = shuffle<Channel>(
    [
      ...repeat<Channel>('phone', plan.phoneOrders),
      ...Array.from({ length: kinds.length - plan.phoneOrders }, () => rng.pick(['web', 'window', 'grid'] as const)),
    ],
    rng,
  );
  const visits = shuffle<VisitOutcome>(
    [
      ...repeat<VisitOutcome>('unreachable', plan.unreachable),
      ...repeat<VisitOutcome>('satisfied', plan.satisfied),
      ...repeat<VisitOutcome>('basically_satisfied', plan.basic),
      ...repeat<VisitOutcome>('dissatisfied', plan.dissatisfied),
    ],
    rng,
  );
  const closedIdx = kinds.flatMap((k, i) => (k === 'transferred' ? [i] : []));
  const transferredIdx = kinds.flatMap((k, i) => (k === 'transferred' || k === 'open' ? [i] : []));
  const rehandled = new Set(shuffle([...closedIdx], rng).slice(0, plan.rehandled));
  const returned = new Set(shuffle([...transferredIdx], rng).slice(0, plan.returned));
  let v = 0;
  const orders: OrderFate[] = kinds.map((k, i) => ({
    at: times[i]!,
    kind: k === 'open' ? 'transferred' : k,
    channel: channels[i]!,
    hotline: hotline(rng),
    wait: waitSeconds(rng),
    returned: returned.has(i),
    rehandled: rehandled.has(i),
    stopAt: k === 'open' ? rng.pick(['dispatched', 'handling', 'replied', 'visiting'] as const) : 'closed',
    ...(k === 'transferred' ? { visit: visits[v++] } : {}),
  }));
  const extraAnswered = plan.answeredCalls - plan.phoneOrders;
  const extraTimes = instants(extraAnswered + plan.abandonedCalls, fromDay, days, rng);
  const answeredFlags = shuffle([...repeat(true, extraAnswered), ...repeat(false, plan.abandonedCalls)], rng);
  const extraCalls: ExtraCall[] = extraTimes.map((at, i) => ({
    at,
    answered: answeredFlags[i]!,
    wait: answeredFlags[i] ? waitSeconds(rng) : rng.int(20, 120),
    hotline: hotline(rng),
  }));
  return { orders, extraCalls };
}
