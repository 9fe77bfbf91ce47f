import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import { COUNTERS, type Counter } from './counters.js';
import { defaultDeadlines } from './default-deadlines.js';
import { MAIN_HOTLINE } from '../../contract/channels.js';

type Sql = RawBuilder<unknown>;

/** Dimensions of a counter row; null unit = not (yet) with a unit (direct, invalid, calls …). */
export interface KpiDims {
  day: string;
  unit_id: string | null;
  region_id: string | null;
  category_id: string | null;
  channel: string | null;
  appeal_type: string | null;
  /** The hotline number dialled (a phoned order's, a call's; 12345 when none was reported), null off the phone. */
  line: string | null;
  /** The API client that submitted the order (orders.api_client_id), null for every other order and for calls. */
  client_id: string | null;
}
export type KpiRow = KpiDims & Record<Counter, number>;

export interface FactRange {
  centreId: string;
  timeZone: string;
  /** Local days, inclusive: 'YYYY-MM-DD'. */
  fromDay: string;
  toDay: string;
  /** Only enterprise appeals (涉企诉求, src/enterprise; no calls): the enterprise desk's own KPIs (ADR 0137). */
  enterpriseOnly?: boolean;
}

const DIMS = ['day', 'unit_id', 'region_id', 'category_id', 'channel', 'appeal_type', 'line', 'client_id'] as const;

/** One SELECT list: the dimensions, then every counter (given expression or 0), in COUNTERS order. */
function selectList(dims: Record<(typeof DIMS)[number], Sql>, counters: Partial<Record<Counter, Sql>>): Sql {
  const parts = [
    ...DIMS.map((d) => sql`${dims[d]} as ${sql.id(d)}`),
    ...COUNTERS.map((c) => sql`${counters[c] ?? sql`0`}::bigint as ${sql.id(c)}`),
  ];
  return sql.join(parts);
}

const flag = (cond: Sql) => sql`(case when ${cond} then 1 else 0 end)`;

/**
 * The counters of every order accepted (and every call offered) in the range, grouped by local day
 * and dimensions — computed from the event history alone, so any past period can be recomputed.
 * Order counters sit on the order's acceptance day; unit = the unit of its last dispatch, except
 * dispatches and returns, which sit on the unit they concern.
 */
export function factsQuery(r: FactRange): Sql {
  const tz = sql`${r.timeZone}::text`;
  const from = sql`(${r.fromDay}::date::timestamp at time zone ${tz})`;
  const to = sql`((${r.toDay}::date + 1)::timestamp at time zone ${tz})`;
  const dl = defaultDeadlines({
    dispatchedAt: sql.ref('ep.dispatched_at'),
    priority: sql.ref('o.priority'),
    appealType: sql.ref('o.appeal_type'),
    timeZone: r.timeZone,
  });
  // Stored deadlines of the time-limits capability win; the defaults cover orders without them.
  const signDeadline = sql`coalesce(sd.sign_due, ${dl.sign})`;
  const contactDeadline = sql`coalesce(sd.contact_due, ${dl.contact})`;
  const handleDeadline = sql`coalesce(sd.reply_due, case when ep.extension_approved and ep.extension_to is not null then greatest(ep.extension_to, ${dl.handle}) else ${dl.handle} end)`;
  const orderDims = (unit: Sql) => ({
    day: sql.ref('o.day'),
    unit_id: unit,
    region_id: sql.ref('o.region_id'),
    category_id: sql.ref('o.category_id'),
    channel: sql.ref('o.channel'),
    appeal_type: sql.ref('o.appeal_type'),
    line: sql.ref('o.line'),
    client_id: sql.ref('o.client_id'),
  });
  const orderFacts = selectList(orderDims(sql.ref('ep.unit_id')), {
    accepted: sql`1`,
    direct: flag(sql`e1.answered_directly and not e1.dispatched`),
    transferred: flag(sql`e1.dispatched`),
    closed: flag(sql`e1.closed_at is not null`),
    invalid: flag(sql`e1.rejected`),
    merged: flag(sql`e1.merged`),
    replies: sql`e1.replies`,
    rehandles: sql`e1.rehandles`,
    signed_on_time: flag(sql`ep.signed_at <= ${signDeadline}`),
    responded_on_time: flag(sql`ep.signed_at <= ${signDeadline} and ep.contacted_at <= ${contactDeadline}`),
    closed_on_time: flag(sql`e1.closed_at is not null and ep.replied_at <= ${handleDeadline}`),
    handling_seconds: sql`coalesce(round(extract(epoch from e1.closed_at - o.accepted_at)), 0)`,
    visits_valid: flag(sql`v.reached and v.satisfaction is not null`),
    visits_satisfied: flag(sql`v.reached and v.satisfaction = 'satisfied'`),
    visits_basic: flag(sql`v.reached and v.satisfaction = 'basically_satisfied'`),
    visits_resolved: flag(sql`v.reached and v.satisfaction is not null and v.resolved`),
  });
  const dispatchFacts = selectList(orderDims(sql`(d.payload->>'leadUnitId')::uuid`), { dispatches: sql`1` });
  const returnFacts = selectList(orderDims(sql`(d.payload->>'returnedFromUnitId')::uuid`), { returns: sql`1` });
  // 协办 (ADR 0120): on the assisting unit, never the lead unit; a cancelled task (the dispatch was undone) counts nowhere.
  const assistFacts = selectList(orderDims(sql.ref('a.unit_id')), {
    assist_tasks: sql`1`,
    assist_on_time: flag(sql`a.submitted_at is not null and a.submitted_at <= a.due_at`),
  });
  // 下派 (ADR 0152): on the unit the hop went to; answered = its last reply, or its return up.
  const hopFacts = selectList(orderDims(sql.ref('h.to_unit_id')), {
    hops: sql`1`,
    hops_on_time: flag(sql`coalesce(h.replied_at, case when h.state = 'returned' then h.closed_at end) <= h.due_at`),
  });
  const callFacts = selectList(
    {
      day: sql`to_char(c.offered_at at time zone ${tz}, 'YYYY-MM-DD')`,
      unit_id: sql`null::uuid`,
      region_id: sql`null::uuid`,
      category_id: sql`null::uuid`,
      channel: sql`'phone'::text`,
      appeal_type: sql`null::text`,
      line: sql`coalesce(nullif(c.hotline_number, ''), ${MAIN_HOTLINE})`,
      client_id: sql`null::uuid`,
    },
    {
      calls_offered: sql`1`,
      calls_answered: flag(sql`c.answered_at is not null`),
      calls_answered_15s: flag(sql`c.answered_at is not null and c.wait_seconds <= 15`),
      calls_abandoned: flag(sql`c.status = 'abandoned'`),
      calls_accepted: flag(sql`c.answered_at is not null and exists (select 1 from call_order_links l where l.call_id = c.id)`),
    },
  );
  const onlyEnterprise = r.enterpriseOnly
    ? sql`and exists (select 1 from order_enterprises x where x.order_id = orders.id)`
    : sql``;
  const callsIncluded = r.enterpriseOnly ? sql`false` : sql`true`;
  const sums = sql.join([...DIMS.map((d) => sql.id(d)), ...COUNTERS.map((c) => sql`sum(${sql.id(c)})::bigint as ${sql.id(c)}`)]);
  return sql`
with o as (
  select id, region_id, category_id, channel, appeal_type, priority, accepted_at, api_client_id as client_id,
         to_char(accepted_at at time zone ${tz}, 'YYYY-MM-DD') as day,
         case when channel = 'phone' then coalesce(nullif(source_number, ''), ${MAIN_HOTLINE}) end as line
  from orders
  where centre_id = ${r.centreId} and accepted_at >= ${from} and accepted_at < ${to} ${onlyEnterprise}
),
e1 as (
  select e.order_id,
    bool_or(e.action = 'answer_directly') as answered_directly,
    bool_or(e.action = 'dispatch') as dispatched,
    bool_or(e.action = 'merge') as merged,
    bool_or(e.action = 'reject') as rejected,
    max(e.id) filter (where e.action = 'dispatch') as last_dispatch_id,
    max(e.at) filter (where e.action in ('answer_directly', 'visit_close', 'check_close')) as closed_at,
    count(*) filter (where e.action = 'reply') as replies,
    count(*) filter (where e.action = 'visit_rehandle') as rehandles
  from order_events e join o on o.id = e.order_id
  group by e.order_id
),
ep as (
  select d.order_id, (d.payload->>'leadUnitId')::uuid as unit_id, d.at as dispatched_at,
    min(e.at) filter (where e.action = 'sign') as signed_at,
    min(e.at) filter (where e.action in ('record_contact', 'reply')) as contacted_at,
    max(e.at) filter (where e.action = 'reply') as replied_at,
    max((e.payload->>'newDeadline')::timestamptz) filter (where e.action = 'request_extension') as extension_to,
    coalesce(bool_or(e.action = 'approve_extension'), false) as extension_approved
  from e1 join order_events d on d.id = e1.last_dispatch_id
  left join order_events e on e.order_id = d.order_id and e.id > d.id
  group by d.order_id, d.id, d.at, d.payload->>'leadUnitId'
),
sd as (
  select d.order_id,
    (array_agg(d.due_at order by d.started_at desc) filter (where d.stage = 'sign'))[1] as sign_due,
    (array_agg(d.due_at order by d.started_at desc) filter (where d.stage = 'contact'))[1] as contact_due,
    (array_agg(d.due_at order by d.started_at desc) filter (where d.stage = 'reply'))[1] as reply_due
  from ep join order_deadlines d on d.order_id = ep.order_id and d.started_at >= ep.dispatched_at
  where d.stage in ('sign', 'contact', 'reply')
  group by d.order_id
),
f as (
  select ${orderFacts}
  from o join e1 on e1.order_id = o.id
  left join ep on ep.order_id = o.id
  left join sd on sd.order_id = o.id
  left join return_visits v on v.order_id = o.id and v.unit_caused is distinct from true
  union all
  select ${dispatchFacts}
  from o join order_events d on d.order_id = o.id and d.action = 'dispatch'
  union all
  select ${returnFacts}
  from o join order_events d on d.order_id = o.id and d.action = 'approve_return'
  union all
  select ${assistFacts}
  from o join assist_tasks a on a.order_id = o.id and a.state <> 'cancelled'
  union all
  select ${hopFacts}
  from o join order_hops h on h.order_id = o.id
  union all
  select ${callFacts}
  from calls c
  where ${callsIncluded} and c.centre_id = ${r.centreId} and c.offered_at >= ${from} and c.offered_at < ${to}
)
select ${sums} from f
group by ${sql.join(DIMS.map((d) => sql.id(d)))}`;
}

/** Counter rows computed from the raw tables (a plain GROUP BY over the event history). */
export async function computeFactRows(db: Executor, r: FactRange): Promise<KpiRow[]> {
  const result = await factsQuery(r).execute(db);
  return result.rows as KpiRow[];
}
