import { describe, expect, it } from 'vitest';
import { catalogueCachedAt } from '../../src/catalogue/catalogue-cache.js';
import { createRule, editRule } from '../../src/catalogue/catalogue.service.js';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { insertPolicy } from '../../src/timelimits/policy.repository.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

// The dispatch catalogue's own version (migration 0723, ADR 0125): a rule edit does not reload the
// time-limit rules nor a time-limit edit the catalogue; an edit warms this process's cache in the
// background; an edit by another process (a direct write here) is used from the next intake on.
const { database, w } = useWorld('2025-03-03T02:00:00Z');

const versions = async () => {
  const row = await database.db
    .selectFrom('centres')
    .select(['settings_version', 'catalogue_version'])
    .where('id', '=', w.centreId)
    .executeTakeFirstOrThrow();
  return { settings: Number(row.settings_version), catalogue: Number(row.catalogue_version) };
};
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  return cond();
};

describe('the catalogue’s own version', () => {
  it('moves on a rule edit and not the settings version; a time-limit rule moves only the settings version; a region both', async () => {
    const v0 = await versions();
    const rule = await createRule(w.deps, w.actors.admin, {
      categoryId: w.categoryId,
      regionId: w.regionId,
      leadUnitId: w.units.deptA1.id,
    });
    const v1 = await versions();
    expect(v1).toEqual({ settings: v0.settings, catalogue: v0.catalogue + 1 });

    // The edit warmed this process's cache in the background: the next intake finds the new version.
    expect(await until(() => catalogueCachedAt(w.centreId) === v1.catalogue)).toBe(true);
    await editRule(w.deps, w.actors.admin, rule.id, {
      categoryId: w.categoryId,
      regionId: w.regionId,
      leadUnitId: w.units.deptB1.id,
      validFrom: rule.validFrom.toISOString(),
      version: rule.version,
    });
    const v2 = await versions();
    expect(v2.catalogue).toBe(v1.catalogue + 1);
    expect(await until(() => catalogueCachedAt(w.centreId) === v2.catalogue)).toBe(true);

    await insertPolicy(database.db, {
      centre_id: w.centreId,
      stage: 'check',
      appeal_type: null,
      priority: null,
      category_id: null,
      amount: 2,
      unit: 'hours',
      note: null,
      updated_by: null,
      updated_at: w.clock.now(),
    });
    expect(await versions()).toEqual({ settings: v2.settings + 1, catalogue: v2.catalogue });
    await insertRegion(database.db, { centreId: w.centreId, parentId: w.regionId, code: 'R9', name: 'A旗新镇', level: 2 });
    expect(await versions()).toEqual({ settings: v2.settings + 2, catalogue: v2.catalogue + 1 });
  });

  it('uses a rule changed by another process from the next intake on (the version it reads moved)', async () => {
    await database.db
      .updateTable('catalogue_rules')
      .set({ lead_unit_id: w.units.company.id })
      .where('centre_id', '=', w.centreId)
      .execute();
    const o = await newOrder(w, { regionId: w.regionId });
    const lookup = await database.db
      .selectFrom('catalogue_rules')
      .select('lead_unit_id')
      .where('centre_id', '=', w.centreId)
      .executeTakeFirstOrThrow();
    expect(lookup.lead_unit_id).toBe(w.units.company.id);
    // the intake's catalogue answer is the one written by the other process
    const { matchAppeal } = await import('../../src/catalogue/catalogue-lookup.service.js');
    const { catalogue, match } = await matchAppeal(
      database.db,
      {
        centreId: w.centreId,
        categoryId: w.categoryId,
        categoryPath: null,
        regionId: w.regionId,
        appealType: 'complaint',
        text: '',
        at: w.clock.now(),
      },
      (await versions()).catalogue,
    );
    expect(catalogue.version).toBe((await versions()).catalogue);
    expect(match?.rule.leadUnitId).toBe(w.units.company.id);
    expect(o.desk_unit_id).toBeNull();
  });
});
