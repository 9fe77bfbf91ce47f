import { CompiledQuery, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { OrderScope } from '../orders/order.repository.js';
import {
  categoryUnder,
  heldByDesk,
  inRegion,
  inState,
  leadUnitUnder,
  visibleTo,
  weekFacet,
  weekOf,
  weekStart,
} from './search-facets.js';

/** The search vector of an order as an SQL value (also for intake's INSERT): title weighted A, content D. */
export const searchVectorValue = (titleSource: string, bodySource: string) =>
  sql<string>`setweight(to_tsvector('simple', ${titleSource}), 'A') || setweight(to_tsvector('simple', ${bodySource}), 'D')`;

/** Stores the lexemes of an order: title with weight A, content with weight D (never the address, ADR 0200). */
export async function setOrderSearchVector(db: Executor, orderId: string, titleSource: string, bodySource: string) {
  await db
    .updateTable('orders')
    .set({ search_vector: searchVectorValue(titleSource, bodySource) })
    .where('id', '=', orderId)
    .execute();
}

export interface OrderSearchFilter {
  /** A tsquery literal built by src/text/tsquery.ts: every match has all its words; ranked with it. */
  query: string;
  /**
   * The part of `query` the GIN index looks up, when some words are in nearly every order (e.g. 街道
   * in many orders): those are checked on the rows found instead of read from a posting list of a
   * million entries (ADR 0046). Defaults to `query`.
   */
  indexQuery?: string;
  states?: readonly string[];
  /** Path of a unit: orders whose lead unit lies in that subtree. */
  leadUnitPath?: string;
  /** Path of a category: orders filed under it or below. */
  categoryPath?: string;
  regionId?: string;
  acceptedFrom?: Date;
  acceptedTo?: Date;
  /** The present: the most recent weeks are searched first (ADR 0046). */
  now: Date;
  limit: number;
  offset: number;
  /** How many of the most recent matches are ranked; `RANK_WINDOW` unless a test narrows it. */
  rankWindow?: number;
  /** Recent slices first: when the planner expects many matches (auto), or always / never (tests, bench). */
  slicing?: 'auto' | 'always' | 'never';
}

/**
 * The most recent matches are ranked (ts_rank, title weighted over content); at most `RANK_WINDOW`
 * matches are ranked, so a word found in every tenth order still answers in milliseconds: the
 * planner walks the time index backwards and stops after the window is full (ADR 0040).
 */
export const RANK_WINDOW = 200;

/**
 * Facets every match must carry: the unit user's visibility and the filters (ADR 0046). Several
 * states are an "any of" (`&&`), returned apart.
 */
export function searchFacetsOf(
  scope: OrderScope,
  f: Pick<OrderSearchFilter, 'states' | 'leadUnitPath' | 'categoryPath' | 'regionId'>,
) {
  const all: string[] = [];
  if (scope.unitPath !== null) all.push(visibleTo(scope.unitPath));
  if (scope.deskUnitId) all.push(heldByDesk(scope.deskUnitId));
  if (f.leadUnitPath) all.push(leadUnitUnder(f.leadUnitPath));
  if (f.categoryPath) all.push(categoryUnder(f.categoryPath));
  if (f.regionId) all.push(inRegion(f.regionId));
  const states = [...new Set(f.states ?? [])];
  if (states.length === 1) all.push(inState(states[0]!));
  return { all, anyState: states.length > 1 ? states.map(inState) : [] };
}

/**
 * Recent-first: the present and last week are searched first (one week of slack after the present
 * for clocks a little ahead); when they hold fewer than the rank window, the weeks before them are
 * sized from what was found there, and whatever is older comes in one last statement. Each slice is
 * one statement whose week facets the GIN index applies with the words and filters, so it visits
 * only its own matches in the heap (ADR 0046).
 */
export const FIRST_SLICE_WEEKS = 2;
/** A second slice longer than this is not worth it: the rest comes in one statement. */
const MAX_SECOND_SLICE_WEEKS = 24;

/**
 * When the planner would read more than this many matches through the GIN bitmap (and not walk the
 * time index, which stops at the window), the recent slices are searched first; below it one statement
 * over all time costs fewer index scans than the slices would (ADR 0046).
 */
export const SLICE_ABOVE_ESTIMATED = 300;

/**
 * The most recent `rankWindow` matches (words, visibility and filters answered by the single GIN
 * index over (search_vector, search_facets): no per-row visibility check, no sub-selects of units,
 * categories or regions), ranked by ts_rank (title above content), then newest first (ADR 0040, 0046).
 */
export async function searchOrders(db: Executor, scope: OrderScope, f: OrderSearchFilter) {
  const window = f.rankWindow ?? RANK_WINDOW;
  const slicing = f.slicing ?? 'auto';
  let sliced = slicing === 'always';
  if (slicing === 'auto') {
    const plan = await plannedScan(db, matches(db, scope, f, { all: true }).orderBy('orders.accepted_at', 'desc').limit(window));
    // walking the time index stops after the window (dense matches): one statement is best
    sliced = !plan.walksAnIndex && plan.matches > SLICE_ABOVE_ESTIMATED;
  }
  const hits = sliced ? await newestBySlices(db, scope, f, window) : await newestIn(db, scope, f, window, { all: true });
  hits.sort((a, b) => b.rank - a.rank || b.accepted_at.getTime() - a.accepted_at.getTime() || (a.id < b.id ? -1 : 1));
  const page = hits.slice(f.offset, f.offset + f.limit + 1);
  return { rows: page.slice(0, f.limit), hasMore: page.length > f.limit };
}

async function newestBySlices(db: Executor, scope: OrderScope, f: OrderSearchFilter, window: number) {
  const nowWeek = weekOf(f.now);
  const fromWeek = f.acceptedFrom ? weekOf(f.acceptedFrom) : -Infinity;
  const toWeek = f.acceptedTo ? weekOf(f.acceptedTo) : Infinity;
  const hits: SearchHit[] = [];
  const slice = async (newest: number, oldest: number) => {
    const weeks: string[] = [];
    for (let w = Math.min(newest, toWeek); w >= Math.max(oldest, fromWeek); w--) weeks.push(weekFacet(w));
    if (weeks.length > 0) hits.push(...(await newestIn(db, scope, f, window - hits.length, { weeks })));
  };
  let oldest = nowWeek - FIRST_SLICE_WEEKS + 1;
  await slice(nowWeek + 1, oldest);
  if (hits.length < window && hits.length > 0 && oldest > fromWeek) {
    // as many weeks again as the first slice's density says the window still needs, with a margin
    const weeks = Math.ceil(((window - hits.length) / hits.length) * FIRST_SLICE_WEEKS * 1.5);
    if (weeks <= MAX_SECOND_SLICE_WEEKS) {
      await slice(oldest - 1, oldest - weeks);
      oldest -= weeks;
    }
  }
  if (hits.length < window) {
    // the rest: before the slices, or dated more than a week after the present (a wrong clock)
    const rest = { before: weekStart(oldest), after: weekStart(nowWeek + 2) };
    hits.push(...(await newestIn(db, scope, f, window - hits.length, { rest })));
  }
  return hits;
}

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/**
 * What the planner means to do with a statement (EXPLAIN without running it): whether it walks an
 * index in order (and stops at the LIMIT), and how many matches it expects the bitmap scan to read.
 */
async function plannedScan(db: Executor, q: { compile(): CompiledQuery }) {
  const { sql: text, parameters } = q.compile();
  const r = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]));
  const cell = Object.values(r.rows[0] ?? {})[0];
  const root = ((typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[])[0]?.Plan;
  let walksAnIndex = false;
  let matches = 0;
  const visit = (n: PlanNode) => {
    if (n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan') walksAnIndex = true;
    if (n['Node Type'] === 'Bitmap Heap Scan' || n['Node Type'] === 'Seq Scan') matches = Math.max(matches, n['Plan Rows']);
    n.Plans?.forEach(visit);
  };
  if (root) visit(root);
  else matches = Infinity;
  return { walksAnIndex, matches };
}

type Slice = { all: true } | { weeks: string[] } | { rest: { before: Date; after: Date } };

/** Every match of the query, visibility and filters within one time slice. */
function matches(db: Executor, scope: OrderScope, f: OrderSearchFilter, slice: Slice) {
  const facets = searchFacetsOf(scope, f);
  let q = db
    .selectFrom('orders')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.title',
      'orders.content',
      'orders.state',
      'orders.lead_unit_id',
      'orders.category_id',
      'orders.region_id',
      'orders.accepted_at',
      'orders.search_vector',
    ])
    .where('orders.centre_id', '=', scope.centreId)
    .where(sql<boolean>`orders.search_vector @@ ${f.indexQuery ?? f.query}::tsquery`);
  // the function form of @@ is not an index operator: a check on the rows found
  if (f.indexQuery && f.indexQuery !== f.query) q = q.where(sql<boolean>`ts_match_vq(orders.search_vector, ${f.query}::tsquery)`);
  if (facets.all.length > 0) q = q.where(sql<boolean>`orders.search_facets @> ${sql.val(facets.all)}::text[]`);
  if (facets.anyState.length > 0) q = q.where(sql<boolean>`orders.search_facets && ${sql.val(facets.anyState)}::text[]`);
  if ('weeks' in slice) q = q.where(sql<boolean>`orders.search_facets && ${sql.val(slice.weeks)}::text[]`);
  if ('rest' in slice) {
    const { before, after } = slice.rest;
    q = q.where((eb) => eb.or([eb('orders.accepted_at', '<', before), eb('orders.accepted_at', '>=', after)]));
  }
  if (f.acceptedFrom) q = q.where('orders.accepted_at', '>=', f.acceptedFrom);
  if (f.acceptedTo) q = q.where('orders.accepted_at', '<', f.acceptedTo);
  return q;
}

/** The newest `limit` matches within one time slice, with their rank. */
async function newestIn(db: Executor, scope: OrderScope, f: OrderSearchFilter, limit: number, slice: Slice) {
  const newest = matches(db, scope, f, slice).orderBy('orders.accepted_at', 'desc').limit(limit);
  // ts_rank outside the LIMIT: computed for the rows kept, not for every match the sort sees.
  const rows = await db
    .selectFrom(newest.as('hits'))
    .select([
      'hits.id',
      'hits.order_no',
      'hits.title',
      'hits.content',
      'hits.state',
      'hits.lead_unit_id',
      'hits.category_id',
      'hits.region_id',
      'hits.accepted_at',
      sql<number>`ts_rank(hits.search_vector, ${f.query}::tsquery)`.as('rank'),
    ])
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank), accepted_at: new Date(r.accepted_at) }));
}

type SearchHit = Awaited<ReturnType<typeof newestIn>>[number];

/** Lexemes in at least this share of orders are checked on rows, not looked up in the index. */
export const COMMON_LEXEME_SHARE = 0.2;

/** The lexemes the statistics say occur in at least `COMMON_LEXEME_SHARE` of orders (empty before ANALYZE). */
export async function commonOrderLexemes(db: Executor): Promise<string[]> {
  const r = await sql<{ lexeme: string }>`
    select x.e as lexeme from pg_stats s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(e, f)
    where s.schemaname = current_schema() and s.tablename = 'orders' and s.attname = 'search_vector'
      and x.e is not null and x.f >= ${COMMON_LEXEME_SHARE}`.execute(db);
  return r.rows.map((x) => x.lexeme);
}

/** One page of orders' text, by id, for rebuilding the index. */
export async function listOrderTextAfter(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom('orders').select(['id', 'centre_id', 'title', 'content']);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
