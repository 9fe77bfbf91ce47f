import os from 'node:os';
import { lookupCatalogue, matchAppeal } from '../src/catalogue/catalogue-lookup.service.js';
import { defaultDomainSettings } from '../src/config/domain-settings.js';
import { ManualClock } from '../src/shared/clock.js';
import type { Database } from '../src/db/database.js';
import { editRule, importRules, type ImportedRule } from '../src/catalogue/catalogue.service.js';
import { catalogueCachedAt } from '../src/catalogue/catalogue-cache.js';
import { selectRulesWithNames } from '../src/catalogue/catalogue.repository.js';
import { loadTimelimitContext } from '../src/timelimits/timelimit-context.js';
import { findCatalogueVersion } from '../src/catalogue/catalogue.repository.js';
import type { Executor } from '../src/db/database.js';
import { insertCategory, insertRegion } from '../src/org/catalog.repository.js';
import { insertCentre, insertUnit } from '../src/org/unit.repository.js';
import { freshBenchDatabase, percentile } from './bench-db.js';
import type { BenchSection } from './run.js';

/**
 * 派单目录 lookup at intake (issue 14): the catalogue's answer for an appeal from the centre's cached
 * index (the intake hook's cost: intake already holds the settings version, so no query), over
 * 10,000 rules, against a 100-rule centre measured in the same run. Also the cold load of the index.
 */
interface Centre {
  id: string;
  leaves: { id: string; path: string }[];
  regions: { id: string; towns: string[] }[];
}

async function seedCentre(db: Executor, code: string, tops: number, leavesPer: number, counties: number): Promise<Centre> {
  const centre = await insertCentre(db, { code, name: code });
  const root = await insertUnit(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'U0',
    name: '中心',
    kind: 'centre',
  });
  const units: { id: string }[] = [];
  for (let i = 0; i < 50; i++)
    units.push(
      await insertUnit(db, {
        centreId: centre.id,
        parentId: root.id,
        parentPath: root.path,
        code: `U${i + 1}`,
        name: `单位${i}`,
        kind: 'county_dept',
      }),
    );
  const leaves: Centre['leaves'] = [];
  let n = 0;
  for (let t = 0; t < tops; t++) {
    const top = await insertCategory(db, {
      centreId: centre.id,
      parentId: null,
      parentPath: null,
      code: `C${++n}`,
      name: `大类${t}`,
      level: 1,
    });
    for (let l = 0; l < leavesPer; l++) {
      const leaf = await insertCategory(db, {
        centreId: centre.id,
        parentId: top.id,
        parentPath: top.path,
        code: `C${++n}`,
        name: `小类${t}-${l}`,
        level: 2,
      });
      leaves.push({ id: leaf.id, path: leaf.path });
    }
  }
  const regions: Centre['regions'] = [];
  for (let c = 0; c < counties; c++) {
    const county = await insertRegion(db, { centreId: centre.id, parentId: null, code: `R${c}`, name: `旗县${c}`, level: 1 });
    const towns = [];
    for (let t = 0; t < 4; t++)
      towns.push(
        (await insertRegion(db, { centreId: centre.id, parentId: county.id, code: `R${c}-${t}`, name: `镇${c}-${t}`, level: 2 }))
          .id,
      );
    regions.push({ id: county.id, towns });
  }
  const rules: ImportedRule[] = [];
  leaves.forEach((leaf, li) =>
    regions.forEach((r, ri) =>
      rules.push({
        categoryId: leaf.id,
        regionId: r.id,
        leadUnitId: units[(li + ri) % units.length]!.id,
        assistUnitIds: [],
        deskUnitId: null,
        note: null,
      }),
    ),
  );
  await importRules(db, centre.id, rules, new Date('2025-01-01T00:00:00Z'), 'bench');
  return { id: centre.id, leaves, regions };
}

async function measure(db: Executor, c: Centre, lookups: number) {
  const version = (await findCatalogueVersion(db, c.id))!;
  const appeal = (i: number) => {
    const leaf = c.leaves[(i * 7919) % c.leaves.length]!;
    const county = c.regions[(i * 104729) % c.regions.length]!;
    return {
      centreId: c.id,
      categoryId: leaf.id,
      categoryPath: leaf.path,
      regionId: i % 2 ? county.towns[i % county.towns.length]! : county.id,
      appealType: 'complaint',
      text: '小区供暖不热，室温只有十五度，请尽快处理。',
      at: new Date('2026-01-01T00:00:00Z'),
    };
  };
  const t0 = performance.now();
  await matchAppeal(db, appeal(0), version); // cold: loads the index
  const cold = performance.now() - t0;
  for (let i = 0; i < 2000; i++) await matchAppeal(db, appeal(i), version); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < lookups; i++) {
    const s = performance.now();
    const { match } = await matchAppeal(db, appeal(i), version);
    times.push(performance.now() - s);
    if (match) hits++;
  }
  times.sort((a, b) => a - b);
  return { cold, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), hits };
}

/** The console's POST /api/catalogue/lookup service: two small reads (version, category path), then the cached index. */
async function measureApi(database: Database, c: Centre, n: number) {
  const deps = {
    db: database.db,
    clock: new ManualClock('2026-01-01T00:00:00Z'),
    dataDir: '/tmp',
    settings: defaultDomainSettings(),
  };
  const actor = {
    kind: 'user' as const,
    userId: null,
    centreId: c.id,
    unitId: null,
    unitPath: null,
    roles: ['operator' as const],
    label: 'bench',
  };
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const leaf = c.leaves[(i * 7919) % c.leaves.length]!;
    const s = performance.now();
    await lookupCatalogue(deps, actor, {
      categoryId: leaf.id,
      regionId: c.regions[i % c.regions.length]!.id,
      title: '供暖',
      content: '不热',
    });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The first intake after a catalogue edit (ADR 0125): the edit made by another process (this one only
 * sees the version move: the intake pays the cold load), and made here (the edit warms the cache in
 * the background: the intake finds it warm). Also the time-limit context after the edit: its own
 * version did not move, so it stays a cache hit.
 */
async function measureAfterEdit(database: Database, c: Centre) {
  const db = database.db;
  const deps = { db, clock: new ManualClock('2026-01-01T00:00:00Z'), dataDir: '/tmp', settings: defaultDomainSettings() };
  const actor = {
    kind: 'user' as const,
    userId: null,
    centreId: c.id,
    unitId: null,
    unitPath: null,
    roles: ['admin' as const],
    label: 'bench',
  };
  const leaf = c.leaves[0]!;
  const appeal = {
    centreId: c.id,
    categoryId: leaf.id,
    categoryPath: leaf.path,
    regionId: c.regions[0]!.id,
    appealType: 'complaint',
    text: '供暖不热',
    at: new Date('2026-01-01T00:00:00Z'),
  };
  const order = { centre_id: c.id, category_id: leaf.id, appeal_type: 'complaint', priority: 3 };
  await loadTimelimitContext(db, order); // warm
  const settingsBefore = (
    await db.selectFrom('centres').select('settings_version').where('id', '=', c.id).executeTakeFirstOrThrow()
  ).settings_version;
  const edit = async (note: string) => {
    const [rule] = await selectRulesWithNames(db, c.id, { id: (await selectRulesWithNames(db, c.id))[5]!.id });
    const t0 = performance.now();
    await editRule(deps, actor, rule!.id, {
      categoryId: rule!.category_id,
      regionId: rule!.region_id,
      leadUnitId: rule!.lead_unit_id,
      note,
      validFrom: rule!.valid_from.toISOString(),
      version: rule!.version,
    });
    return performance.now() - t0;
  };
  // Another process edits: here only the version moves (a direct write), so the next intake loads cold.
  await db
    .updateTable('catalogue_rules')
    .set({ note: '另一进程的修改' })
    .where('centre_id', '=', c.id)
    .where('no', '=', 3)
    .execute();
  const v1 = (await findCatalogueVersion(db, c.id))!;
  let t = performance.now();
  await matchAppeal(db, appeal, v1);
  const coldIntake = performance.now() - t;
  // This process edits: the edit answers at once and warms the cache in the background.
  const editMs = await edit('本进程的修改');
  const v2 = (await findCatalogueVersion(db, c.id))!;
  t = performance.now();
  while (catalogueCachedAt(c.id) !== v2 && performance.now() - t < 30_000) await new Promise((r) => setTimeout(r, 2));
  const warmedAfter = performance.now() - t;
  t = performance.now();
  await matchAppeal(db, appeal, v2);
  const warmIntake = performance.now() - t;
  const settingsAfter = (
    await db.selectFrom('centres').select('settings_version').where('id', '=', c.id).executeTakeFirstOrThrow()
  ).settings_version;
  t = performance.now();
  await loadTimelimitContext(db, order);
  const timelimitMs = performance.now() - t;
  return {
    coldIntake,
    editMs,
    warmedAfter,
    warmIntake,
    timelimitMs,
    settingsMoved: Number(settingsAfter) !== Number(settingsBefore),
  };
}

export const catalogueBench: BenchSection = {
  name: 'catalogue',
  description: '派单目录 lookup at intake from the cached index: 10,000 rules vs a 100-rule baseline (PGlite)',
  async run() {
    const database = await freshBenchDatabase('pglite', 'bench_catalogue');
    try {
      const small = await seedCentre(database.db, 'small', 5, 2, 10); // 10 leaves × 10 counties = 100 rules
      const big = await seedCentre(database.db, 'big', 50, 10, 20); // 500 leaves × 20 counties = 10,000 rules
      const lookups = 20_000;
      for (const [label, c, rules] of [
        ['baseline', small, 100],
        ['catalogue', big, 10_000],
      ] as const) {
        const r = await measure(database.db, c, lookups);
        console.log(
          `${label.padEnd(9)} ${String(rules).padStart(6)} rules: intake lookup p50 ${r.p50.toFixed(3)} ms, p95 ${r.p95.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms over ${lookups} lookups (${r.hits} hits); cold index load ${r.cold.toFixed(0)} ms`,
        );
        const api = await measureApi(database, c, 2000);
        console.log(
          `${''.padEnd(16)} lookup service of the console (2 reads + index): p50 ${api.p50.toFixed(3)} ms, p95 ${api.p95.toFixed(3)} ms over 2000`,
        );
      }
      const e = await measureAfterEdit(database, big);
      console.log(
        `after an edit (10,000 rules): first intake lookup ${e.coldIntake.toFixed(0)} ms when another process edited (cold load); ` +
          `edited here: the edit ${e.editMs.toFixed(0)} ms, cache warm ${e.warmedAfter.toFixed(0)} ms later in the background, first intake lookup ${e.warmIntake.toFixed(3)} ms; ` +
          `time-limit context after the edit ${e.timelimitMs.toFixed(3)} ms (settings_version moved: ${e.settingsMoved ? 'yes' : 'no'})`,
      );
      console.log(
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} (${os.cpus().length} cores)`,
      );
    } finally {
      await database.close();
    }
  },
};
