import type { CatalogueAnswer } from '../contract/catalogue.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../shared/deps.js';
import { invalidField } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { loadCentreCatalogue, type CentreCatalogue, type IndexedRule } from './catalogue-cache.js';
import { matchCatalogue, type Match } from './catalogue-match.js';
import { findCatalogueVersion, findCategoryPath } from './catalogue.repository.js';
import { needReader } from './catalogue.service.js';

/** The facts of an appeal the catalogue answers on. */
export interface AppealFacts {
  centreId: string;
  categoryId: string | null;
  /** categories.path of the category (ancestors' ids), when the caller has it. */
  categoryPath: string | null;
  regionId: string | null;
  appealType: string | null;
  text: string;
  at: Date;
}

/** The category and its ancestors, itself first, from its materialised path. */
export const categoryChainOf = (categoryId: string | null, path: string | null): string[] =>
  !categoryId
    ? []
    : path === null
      ? [categoryId]
      : path
          .split('/')
          .filter((s) => s !== '')
          .reverse();

/** The catalogue's match for an appeal, from the centre's cached catalogue at `version`. */
export async function matchAppeal(
  db: Executor,
  facts: AppealFacts,
  version: number,
): Promise<{ catalogue: CentreCatalogue; match: Match<IndexedRule> | null }> {
  const catalogue = await loadCentreCatalogue(db, facts.centreId, version, facts.at);
  const match = matchCatalogue(catalogue.index, {
    categoryChain: categoryChainOf(facts.categoryId, facts.categoryPath),
    regionId: facts.regionId,
    appealType: facts.appealType,
    text: facts.text,
    at: facts.at.getTime(),
  });
  return { catalogue, match };
}

export const toAnswer = (match: Match<IndexedRule> | null, autoDispatch: boolean): CatalogueAnswer => ({
  rule: match
    ? {
        id: match.rule.id,
        no: match.rule.no,
        leadUnitId: match.rule.leadUnitId,
        leadUnitName: match.rule.leadUnitName,
        assistUnitIds: match.rule.assistUnitIds,
        assistUnitNames: match.rule.assistUnitNames,
        deskUnitId: match.rule.deskUnitId,
        deskUnitName: match.rule.deskUnitName,
        note: match.rule.note,
        exact: match.exact,
      }
    : null,
  autoDispatch,
});

export interface LookupInput {
  categoryId?: string | null;
  regionId?: string | null;
  appealType?: string | null;
  title?: string;
  content?: string;
}

/** POST /api/catalogue/lookup: the answer shown at intake and in the dispatch dialog, first. */
export async function lookupCatalogue(deps: Deps, actor: Actor, input: LookupInput): Promise<CatalogueAnswer> {
  needReader(actor);
  const centreId = actor.centreId;
  const [version, categoryPath] = await Promise.all([
    findCatalogueVersion(deps.db, centreId),
    input.categoryId ? findCategoryPath(deps.db, centreId, input.categoryId) : Promise.resolve(null),
  ]);
  if (input.categoryId && categoryPath === undefined) throw invalidField('categoryId');
  const { catalogue, match } = await matchAppeal(
    deps.db,
    {
      centreId,
      categoryId: input.categoryId ?? null,
      categoryPath: categoryPath ?? null,
      regionId: input.regionId ?? null,
      appealType: input.appealType ?? null,
      text: `${input.title ?? ''}\n${input.content ?? ''}`,
      at: deps.clock.now(),
    },
    version ?? -1,
  );
  return toAnswer(match, catalogue.autoDispatch);
}
