import type { Deps } from '../shared/deps.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { forbidden, invalidField } from '../shared/errors.js';
import { findRegion, listCategories, listRegions } from '../org/catalog.repository.js';
import { listUnits } from '../org/unit.repository.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { loadLatestModel, type LoadedModel } from './nlp-model-cache.js';
import type { ModelSuggestions, SuggestResponse } from '../contract/nlp.js';
import type { SuggestBody } from './nlp.schemas.js';
import { rankLabels } from './text-classifier.js';
import { applyRegionScope, regionScope } from './region-scope.js';
import { regionNamedInText } from './region-from-text.js';

const TOP = 3;

interface Named {
  id: string;
  name: string;
  fullName: string;
}

/**
 * Category and handling-unit suggestions for the text being typed at intake: the centre's newest
 * models rank their labels; the top 3 above the confidence threshold are returned, and labels
 * whose category or unit has since been deactivated are left out. The threshold is the configured
 * LIANXIN_NLP_SUGGEST_THRESHOLD (deps.settings).
 */
export async function suggestForIntake(deps: Deps, actor: Actor, input: SuggestBody): Promise<SuggestResponse> {
  const threshold = deps.settings.nlpSuggestThreshold;
  if (!can(actor, 'nlp.suggest')) throw forbidden();
  if (input.regionId && !(await findRegion(deps.db, actor.centreId, input.regionId))) throw invalidField('regionId');
  await ensureCentreDictionary(deps.db, deps.clock, actor.centreId);
  const title = input.title.trim();
  const detail = input.content.trim();
  const regionId = input.regionId ?? (await regionNamedByAppeal(deps, actor.centreId, `${title}\n${detail}`));
  const text = { title, detail, regionId: regionId ?? null };
  const [categoryModel, unitModel] = await Promise.all([
    loadLatestModel(deps.db, actor.centreId, 'category'),
    loadLatestModel(deps.db, actor.centreId, 'unit'),
  ]);
  const empty = !text.title && !text.detail;
  return {
    threshold,
    category:
      categoryModel && !empty ? suggest(categoryModel, text, await activeCategories(deps, actor.centreId), threshold) : null,
    unit:
      unitModel && !empty
        ? suggest(
            unitModel,
            text,
            await activeUnits(deps, actor.centreId),
            threshold,
            await unitInRegion(deps, actor.centreId, text.regionId),
          )
        : null,
  };
}

function suggest(
  model: LoadedModel,
  text: Parameters<typeof rankLabels>[1],
  names: Map<string, Named>,
  threshold: number,
  inScope?: (label: string) => boolean,
): ModelSuggestions {
  const all = rankLabels(model.classifier, text, model.classifier.labels.length);
  const ranked = inScope ? applyRegionScope(all, inScope) : all;
  const items = ranked
    .filter((r) => names.has(r.label))
    .slice(0, TOP)
    .filter((r) => r.probability > threshold)
    .map((r) => ({ ...names.get(r.label)!, confidence: Number(r.probability.toFixed(3)) }));
  return { modelVersion: model.version, trainedAt: model.trainedAt.toISOString(), items };
}

/** With no region chosen, the region the appeal's words name, if exactly one line of regions is named. */
async function regionNamedByAppeal(deps: Deps, centreId: string, words: string) {
  const regions = await listRegions(deps.db, centreId);
  return regionNamedInText(
    regions.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name })),
    words,
  );
}

/** The region rule (ADR 0086): which unit labels serve the appeal's region; none without a region. */
async function unitInRegion(deps: Deps, centreId: string, regionId: string | null) {
  if (!regionId) return undefined;
  const [units, regions] = await Promise.all([listUnits(deps.db, centreId), listRegions(deps.db, centreId)]);
  const node = (r: { id: string; parent_id: string | null; name: string }) => ({ id: r.id, parentId: r.parent_id, name: r.name });
  const inScope = regionScope(units.map(node), regions.map(node));
  return (unitId: string) => inScope(unitId, regionId);
}

async function activeCategories(deps: Deps, centreId: string): Promise<Map<string, Named>> {
  const rows = await listCategories(deps.db, centreId);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const fullName = (id: string): string => {
    const c = byId.get(id)!;
    return c.parent_id && byId.has(c.parent_id) ? `${fullName(c.parent_id)} / ${c.name}` : c.name;
  };
  return new Map(rows.filter((c) => c.active).map((c) => [c.id, { id: c.id, name: c.name, fullName: fullName(c.id) }]));
}

async function activeUnits(deps: Deps, centreId: string): Promise<Map<string, Named>> {
  const rows = await listUnits(deps.db, centreId);
  // The centre itself is not a handling unit (dispatch refuses it), even when rare units' history rolled up to it.
  return new Map(
    rows.filter((u) => u.active && u.kind !== 'centre').map((u) => [u.id, { id: u.id, name: u.name, fullName: u.name }]),
  );
}
