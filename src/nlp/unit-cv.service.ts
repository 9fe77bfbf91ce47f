import type { Deps } from '../shared/deps.js';
import { ensureCentreDictionary } from '../text/dictionary.service.js';
import { listRegions } from '../org/catalog.repository.js';
import { listUnits } from '../org/unit.repository.js';
import { labelled } from './nlp-training.service.js';
import { listClosedOrdersForTraining } from './nlp-training.repository.js';
import { regionScope } from './region-scope.js';
import { crossValidateUnits, type UnitCvReport } from './unit-cv.js';

/**
 * Cross-validates the centre's unit suggestions on its closed orders, labelled exactly as training
 * labels them (lead unit at closure, rare units rolled up), with and without the region rule.
 */
export async function crossValidateCentreUnits(deps: Deps, centreId: string, folds = 5): Promise<UnitCvReport> {
  await ensureCentreDictionary(deps.db, deps.clock, centreId);
  const [orders, units, regions] = await Promise.all([
    listClosedOrdersForTraining(deps.db, centreId, 50_000),
    listUnits(deps.db, centreId),
    listRegions(deps.db, centreId),
  ]);
  const unitParents = new Map(units.map((u) => [u.id, u.parent_id]));
  const rows = labelled(
    orders.filter((o) => !o.handled_directly),
    (o) => o.lead_unit_id,
    unitParents,
    5,
  );
  const node = (r: { id: string; parent_id: string | null; name: string }) => ({ id: r.id, parentId: r.parent_id, name: r.name });
  return crossValidateUnits(rows, regionScope(units.map(node), regions.map(node)), folds);
}
