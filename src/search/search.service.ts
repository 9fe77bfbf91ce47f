import type { OrderSearchResultView } from '../contract/orders.js';
import type { OrderState } from '../contract/vocabulary.js';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { findCategory, listCategories } from '../org/catalog.repository.js';
import { findUnit } from '../org/unit.repository.js';
import { actorScope } from '../users/actor-scope.js';
import type { Clock } from '../shared/clock.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { highlight } from '../text/highlight.js';
import { lexemes, queryLexemes } from '../text/segment.js';
import { allOfAlternatives, vectorSource } from '../text/tsquery.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { commonOrderLexemes, searchOrders, searchVectorValue, setOrderSearchVector } from './search.repository.js';
import type { OrderSearchQuery } from './search.schemas.js';
import { categorySynonyms, expandWords } from './category-synonyms.js';

/** Segments an order's title and content and stores the lexemes, in the caller's transaction. */
export async function indexOrderText(db: Executor, clock: Clock, order: Pick<Order, 'id' | 'centre_id' | 'title' | 'content'>) {
  await ensureCentreDictionary(db, clock, order.centre_id);
  const { title, body } = vectorSources(order);
  await setOrderSearchVector(db, order.id, title, body);
}

/**
 * The words an order is found by: its title (weight A) and content (D). Never the caller's address —
 * personal data, sealed at rest, whose words a search would otherwise test (ADR 0200).
 */
const vectorSources = (order: Pick<Order, 'title' | 'content'>) => ({
  title: vectorSource(lexemes(order.title)),
  body: vectorSource(lexemes(order.content)),
});

/**
 * The search vector of a new order, for its INSERT: intake writes the row once with its lexemes
 * instead of updating it afterwards (ADR 0013); searchIndexHook keeps later edits current.
 */
export async function newOrderSearchVector(db: Executor, clock: Clock, order: Pick<Order, 'centre_id' | 'title' | 'content'>) {
  await ensureCentreDictionary(db, clock, order.centre_id);
  const { title, body } = vectorSources(order);
  return searchVectorValue(title, body);
}

const COMMON_REFRESH_MS = 10 * 60_000;
const commonCache = new WeakMap<object, { at: number; lexemes: Set<string> }>();

/** Words in nearly every order, from the planner's statistics, refreshed every 10 minutes (ADR 0046). */
async function commonLexemes(deps: Deps): Promise<Set<string>> {
  const now = deps.clock.now().getTime();
  const cached = commonCache.get(deps.db);
  if (cached && now - cached.at < COMMON_REFRESH_MS && now >= cached.at) return cached.lexemes;
  const lexemes = new Set(await commonOrderLexemes(deps.db));
  commonCache.set(deps.db, { at: now, lexemes });
  return lexemes;
}

/** Full-text search of orders within what the actor may see, ranked, highlighted, filtered. */
export async function searchOrdersFor(deps: Deps, actor: Actor, input: OrderSearchQuery): Promise<OrderSearchResultView<Date>> {
  if (!can(actor, 'order.read')) throw forbidden();
  await ensureCentreDictionary(deps.db, deps.clock, actor.centreId);
  const words = queryLexemes(input.q);
  // a category's name or alias stands for all of them: 暖气 also finds 供热 (ADR 0085)
  const synonyms = categorySynonyms(await listCategories(deps.db, actor.centreId), queryLexemes);
  const query = allOfAlternatives(expandWords(words, synonyms));
  if (!query) throw invalidField('q');
  const common = await commonLexemes(deps);
  const specific = words.filter((x) => !common.has(x));
  const marked = [...new Set(expandWords(words, synonyms).flat(2))];
  const [unit, category] = await Promise.all([
    input.unitId ? findUnit(deps.db, actor.centreId, input.unitId) : undefined,
    input.categoryId ? findCategory(deps.db, actor.centreId, input.categoryId) : undefined,
  ]);
  if (input.unitId && !unit) throw invalidField('unitId');
  if (input.categoryId && !category) throw invalidField('categoryId');
  const limit = input.limit ?? 20;
  const { rows, hasMore } = await searchOrders(deps.db, actorScope(actor), {
    query,
    indexQuery:
      specific.length > 0 && new Set(specific).size < new Set(words).size
        ? allOfAlternatives(expandWords(specific, synonyms))
        : undefined,
    states: input.state?.split(','),
    leadUnitPath: unit?.path,
    categoryPath: category?.path,
    regionId: input.regionId,
    acceptedFrom: input.from ? new Date(input.from) : undefined,
    acceptedTo: input.to ? new Date(input.to) : undefined,
    now: deps.clock.now(),
    limit,
    offset: input.offset ?? 0,
  });
  return {
    words,
    hasMore,
    items: rows.map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      title: r.title,
      state: r.state as OrderState,
      leadUnitId: r.lead_unit_id,
      categoryId: r.category_id,
      regionId: r.region_id,
      acceptedAt: r.accepted_at,
      rank: Number(r.rank),
      highlight: { title: highlight(r.title, marked), content: highlight(r.content, marked) },
    })),
  };
}
