/**
 * The additive counters every KPI is built from. Each is a plain sum over orders (or calls), so the
 * same figures come out of the daily rollups and of a GROUP BY over the raw event history, and any
 * grouping (unit subtree, week, month) is a sum of day rows. The SQL that fills them is
 * kpi-facts.repository.ts; what each means is written next to it here.
 */
export const COUNTERS = [
  'calls_offered', // calls the CTI offered to the queue (呼入量)
  'calls_answered', // answered by an operator (接通量)
  'calls_answered_15s', // answered within 15 s of being offered
  'calls_abandoned', // caller hung up before an answer
  'calls_accepted', // answered calls recorded as an order (受理; linked to at least one order)
  'accepted', // orders accepted (受理量), every outcome
  'direct', // answered directly by the centre and never dispatched (直办)
  'transferred', // dispatched to a unit at least once (转办)
  'closed', // closed: answered directly or closed after the return visit (办结)
  'invalid', // not accepted / emergency line / lawful channel (无效件)
  'merged', // merged into an earlier order as a duplicate (重复件)
  'dispatches', // dispatch events, on the unit they went to (派单次数)
  'returns', // approved returns (退单), on the unit that returned the order
  'replies', // replies (答复) by the lead unit
  'rehandles', // re-handlings after an unsatisfied return visit (重办)
  'signed_on_time', // last dispatch signed for by its deadline
  'responded_on_time', // … and the citizen contacted by the response deadline
  'closed_on_time', // closed, with the unit's final reply by the handling deadline
  'handling_seconds', // sum over closed orders of (closed − accepted) in seconds
  'visits_valid', // final return visits that reached the citizen and recorded satisfaction
  'visits_satisfied', // … 满意
  'visits_basic', // … 基本满意
  'visits_resolved', // … judged 已解决 by the citizen
  'assist_tasks', // 协办 tasks of live dispatches, on the assisting unit (ADR 0120)
  'assist_on_time', // … whose opinion was submitted by the task's deadline
  'hops', // forwarding hops (下派), on the unit the hop went to (ADR 0152)
  'hops_on_time', // … answered to the forwarder (replied, or returned up) by the hop's deadline
] as const;

export type Counter = (typeof COUNTERS)[number];
export type KpiCounters = Record<Counter, number>;

export const zeroCounters = (): KpiCounters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as KpiCounters;

export function addCounters(into: KpiCounters, row: Partial<Record<Counter, number | string | null>>): void {
  for (const c of COUNTERS) into[c] += Number(row[c] ?? 0);
}
