import type { Executor } from '../db/database.js';
import { buildIndex, type CatalogueIndex, type MatchRule } from './catalogue-match.js';
import { findAutoDispatch, listRegionParents, selectRulesWithNames, type RuleRow } from './catalogue.repository.js';

/** A rule as the index holds it: what matching needs and what the answer shows. */
export interface IndexedRule extends MatchRule {
  readonly leadUnitId: string;
  readonly leadUnitName: string;
  readonly assistUnitIds: string[];
  readonly assistUnitNames: string[];
  readonly deskUnitId: string | null;
  readonly deskUnitName: string | null;
  readonly note: string | null;
}

export interface CentreCatalogue {
  readonly version: number;
  readonly index: CatalogueIndex<IndexedRule>;
  readonly autoDispatch: boolean;
}

export const toIndexedRule = (r: RuleRow): IndexedRule => ({
  id: r.id,
  no: r.no,
  categoryId: r.category_id,
  regionId: r.region_id,
  appealType: r.appeal_type,
  keywords: r.keywords,
  validFrom: r.valid_from.getTime(),
  validTo: r.valid_to ? r.valid_to.getTime() : null,
  leadUnitId: r.lead_unit_id,
  leadUnitName: r.lead_unit_name,
  assistUnitIds: r.assist_unit_ids,
  assistUnitNames: r.assist_unit_names,
  deskUnitId: r.desk_unit_id,
  deskUnitName: r.desk_unit_name,
  note: r.note,
});

/**
 * Per-process cache of each centre's catalogue, keyed by centres.settings_version, which triggers bump
 * on every change of a rule, of the auto-dispatch switch or of a region (migration 0630) — the way
 * time-limit rules are cached (ADR 0013). Intake already holds the version, so a hit costs no query.
 */
const cache = new Map<string, CentreCatalogue>();

export async function loadCentreCatalogue(db: Executor, centreId: string, version: number, now: Date): Promise<CentreCatalogue> {
  const hit = cache.get(centreId);
  if (hit && hit.version === version) return hit;
  // Read after the version: what is loaded is at least as new as the version it is filed under.
  // Rules already ended are left out; rules ending later are filtered per lookup by their validity.
  const [rules, regions, autoDispatch] = await Promise.all([
    selectRulesWithNames(db, centreId, { liveAt: now }),
    listRegionParents(db, centreId),
    findAutoDispatch(db, centreId),
  ]);
  const loaded: CentreCatalogue = {
    version,
    index: buildIndex(rules.map(toIndexedRule), new Map(regions.map((r) => [r.id, r.parent_id]))),
    autoDispatch,
  };
  if (!hit || hit.version <= version) cache.set(centreId, loaded);
  return loaded;
}
