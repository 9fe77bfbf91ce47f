import { afterUnitOfWork } from '../db/unit-of-work.js';
import type { Executor } from '../db/database.js';
import { buildIndex, type CatalogueIndex, type MatchRule } from './catalogue-match.js';
import {
  findAutoDispatch,
  findCatalogueVersion,
  listRegionParents,
  selectRulesWithNames,
  type RuleRow,
} from './catalogue.repository.js';

/** A rule as the index holds it: what matching needs and what the answer shows. */
export interface IndexedRule extends MatchRule {
  readonly leadUnitId: string;
  readonly leadUnitName: string;
  readonly assistUnitIds: string[];
  readonly assistUnitNames: string[];
  readonly deskUnitId: string | null;
  readonly deskUnitName: string | null;
  /** The desk is an active unit: only then does intake route to it. */
  readonly deskUnitActive: boolean;
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
  deskUnitActive: r.desk_unit_active === true,
  note: r.note,
});

/**
 * Per-process cache of each centre's catalogue, keyed by centres.catalogue_version, which triggers bump
 * on every change of a rule, of the auto-dispatch switch, of a region or of a sub-centre's active flag
 * (migrations 0630, 0723) — the way time-limit rules are cached (ADR 0013), but under a version of its
 * own, so neither reloads the other. Intake already holds the version, so a hit costs no query.
 */
const cache = new Map<string, CentreCatalogue>();
async function load(db: Executor, centreId: string, version: number, now: Date): Promise<CentreCatalogue> {
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
  const hit = cache.get(centreId);
  if (!hit || hit.version <= version) cache.set(centreId, loaded);
  return loaded;
}

export async function loadCentreCatalogue(db: Executor, centreId: string, version: number, now: Date): Promise<CentreCatalogue> {
  const hit = cache.get(centreId);
  if (hit && hit.version === version) return hit;
  // No waiting on a load started elsewhere: it may run on another connection than this transaction's
  // (the embedded database has one), and a load is only paid when no warm-up got there first.
  return load(db, centreId, version, now);
}

/**
 * After a catalogue edit has committed, this process loads the new version in the background, so the
 * next intake finds it warm instead of paying the cold load (ADR 0125). Another process still loads
 * once on its next intake. Errors are the next intake's to meet (it loads again); nothing awaits this.
 */
export function warmCentreCatalogue(db: Executor, centreId: string, now: () => Date): void {
  // Inside an administrator's unit of work (ADR 0199) the edit commits with its audit row: warm after that.
  afterUnitOfWork(() =>
    setImmediate(() => {
      void findCatalogueVersion(db, centreId)
        .then((version) => (version === undefined ? undefined : loadCentreCatalogue(db, centreId, version, now())))
        .catch(() => undefined);
    }),
  );
}

/** Whether this process holds `version` of the centre's catalogue (benches and tests read it). */
export const catalogueCachedAt = (centreId: string): number | undefined => cache.get(centreId)?.version;
